/**
 * `npm run scan`: the checks n8n runs before it verifies a community package, run locally with the
 * scanner's own `analyzePackage` (`@n8n/scan-community-package`): its ESLint config (both rule
 * sets, inline eslint-disable comments ignored) on the source files it lints (package.json,
 * nodes/, credentials/) and on every .js + package.json of the tarball `npm pack` makes from the
 * current build. What it cannot do here is the registry part: the provenance check and the
 * download of the published version (see docs/verification.md).
 *
 *   npm run scan                 # build, pack, scan both; exit 1 on any error
 *   npm run scan -- --no-build   # scan the dist/ that is there
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SOURCE_FILE_PATTERNS, analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the scanner lints of the downloaded tarball (scanner.mjs, analyzePackageByName). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

function report(label, result) {
	const mark = result.passed ? 'passed' : 'FAILED';
	console.log(`[scan] ${label}: ${mark}${result.message ? ` (${result.message})` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

async function main() {
	if (!process.argv.includes('--no-build')) run('npm', ['run', '--silent', 'build'], REPO);
	const work = mkdtempSync(join(tmpdir(), 'etop-scan-'));
	try {
		const source = await analyzePackage(REPO, SOURCE_FILE_PATTERNS);
		const sourceOk = report(`source (${SOURCE_FILE_PATTERNS.join(', ')})`, source);

		// `npm pack` as npm publish would pack it (without running prepack/prepublish scripts: the
		// build above already ran), unpacked the way the scanner unpacks a download.
		run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], REPO);
		const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
		if (!tarball) throw new Error('npm pack made no tarball');
		const unpacked = join(work, 'package');
		mkdirSync(unpacked);
		run('tar', ['-xzf', join(work, tarball), '-C', unpacked, '--strip-components=1'], work);
		const packed = await analyzePackage(unpacked, TARBALL_FILE_PATTERNS);
		const packedOk = report(`tarball ${tarball} (${TARBALL_FILE_PATTERNS.join(', ')})`, packed);

		if (!sourceOk || !packedOk) process.exitCode = 1;
		else console.log('[scan] 0 errors on the source and on the tarball');
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

await main();
