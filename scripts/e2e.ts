/**
 * `npm run test:e2e`: the end-to-end tests against real n8n installs (README.md, "Running in a real n8n").
 *
 *   npm run test:e2e                   # n8n 2.x and 1.x, plus the editor in Chromium (2.x)
 *   npm run test:e2e -- --n8n 2        # one n8n line only (1 or 2)
 *   npm run test:e2e -- --no-browser   # skip the editor test (and the Chromium install)
 *   npm run test:e2e -- -t "example"   # anything after the options goes to jest
 *
 * Steps: install what is missing (n8n 2.x on Node 24, n8n 1.x on Node 20, Debian chromium,
 * playwright-core) into caches outside the repo, build and `npm pack` the package once, then run
 * jest with test/e2e/jest.config.js. A cold machine spends most of its time in the installs
 * (minutes); a warm one starts the tests within seconds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CACHE, REPO, WORK } from '../test/e2e/lib/paths';
import { buildAndPack, tarballFiles } from '../test/e2e/lib/pack';

const argv = process.argv.slice(2);
const ours = new Set(['--n8n', '--no-browser']);
const jestArgs: string[] = [];
let majors = ['2', '1'];
let browser = true;
for (let i = 0; i < argv.length; i++) {
	if (argv[i] === '--n8n') majors = [argv[++i]];
	else if (argv[i].startsWith('--n8n=')) majors = [argv[i].slice(6)];
	else if (argv[i] === '--no-browser') browser = false;
	else if (!ours.has(argv[i])) jestArgs.push(argv[i]);
}
if (majors.some((m) => m !== '1' && m !== '2')) {
	process.stderr.write('--n8n must be 1 or 2\n');
	process.exit(2);
}
browser = browser && majors.includes('2');

const t0 = Date.now();
const timings: Array<[string, number]> = [];
const say = (m: string) => process.stdout.write(`[e2e] ${m}\n`);
const seconds = (ms: number) => `${Math.round(ms / 100) / 10}s`;

/** Runs a command, streaming its stderr (progress) and collecting stdout. */
function run(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<{ code: number | null; stdout: string }> {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { cwd: opts.cwd ?? REPO, stdio: ['ignore', 'pipe', 'inherit'] });
		let stdout = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.on('close', (code) => resolve({ code, stdout }));
	});
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
	const start = Date.now();
	try {
		return await fn();
	} finally {
		timings.push([label, Date.now() - start]);
	}
}

function playwrightAvailable(): boolean {
	try {
		require.resolve('playwright-core', { paths: [REPO] });
		return true;
	} catch {
		return existsSync(join(CACHE, 'tools', 'node_modules', 'playwright-core'));
	}
}

async function main(): Promise<void> {
	mkdirSync(WORK, { recursive: true });

	// 1. installs (n8n and chromium in parallel: one is mostly npm downloads, the other apt)
	const installs: Array<Promise<void>> = [];
	const markers: Record<string, string> = {};
	// The two n8n lines install side by side too (each has its own lock and folder): on a cold
	// cache that takes about as long as the larger one alone.
	for (const major of majors) {
		installs.push(
			timed(`install n8n ${major}.x`, async () => {
				const { code, stdout } = await run('bash', [join(REPO, 'scripts', 'install-n8n.sh'), major]);
				if (code !== 0) throw new Error(`scripts/install-n8n.sh ${major} failed (exit ${code}); see its log above`);
				const marker = stdout.split('\n').find((l) => l.startsWith(`{"n8n":"${major}.`));
				if (!marker) throw new Error(`scripts/install-n8n.sh ${major} printed no install marker`);
				markers[`E2E_N8N_V${major}`] = marker;
			}),
		);
	}
	if (browser) {
		installs.push(
			timed('install chromium', async () => {
				const { code } = await run('bash', [join(REPO, 'scripts', 'install-chromium.sh')]);
				if (code !== 0) throw new Error('scripts/install-chromium.sh failed; see above (or run with --no-browser)');
			}),
		);
		if (!playwrightAvailable()) {
			installs.push(
				timed('install playwright-core (cache)', async () => {
					const tools = join(CACHE, 'tools');
					mkdirSync(tools, { recursive: true });
					if (!existsSync(join(tools, 'package.json'))) writeFileSync(join(tools, 'package.json'), '{"name":"etop-e2e-tools","private":true}\n');
					say('playwright-core is not in devDependencies; installing it into the e2e cache');
					const { code } = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', 'playwright-core@1.65.1'], { cwd: tools });
					if (code !== 0) throw new Error('npm install playwright-core failed');
				}),
			);
		}
	}
	const settled = await Promise.allSettled(installs);
	const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failed) throw failed.reason;

	// 2. the package under test: built and packed once
	const tarball = await timed('build + npm pack', async () => buildAndPack(join(WORK, 'package')));
	const files = tarballFiles(tarball);
	say(`packed ${tarball.split('/').pop()} (${files.length} files)`);

	// 3. jest
	const env = {
		...process.env,
		...markers,
		E2E_TARBALL: tarball,
		E2E_MAJORS: majors.join(','),
		E2E_BROWSER_MAJORS: process.env.E2E_BROWSER_MAJORS ?? '2',
	};
	const ignore = browser ? [] : ['--testPathIgnorePatterns', 'editor\\.e2e'];
	const start = Date.now();
	const jest = spawnSync(
		process.execPath,
		[join(REPO, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', join(REPO, 'test', 'e2e', 'jest.config.js'), ...ignore, ...jestArgs],
		{ cwd: REPO, env, stdio: 'inherit' },
	);
	timings.push(['jest', Date.now() - start]);

	say(`timings: ${timings.map(([l, ms]) => `${l} ${seconds(ms)}`).join(', ')}; total ${seconds(Date.now() - t0)}`);
	say(`logs of every n8n command: ${WORK}/*/logs`);
	process.exit(jest.status ?? 1);
}

main().catch((error) => {
	process.stderr.write(`[e2e] ${error instanceof Error ? error.message : String(error)}\n`);
	say(`timings: ${timings.map(([l, ms]) => `${l} ${seconds(ms)}`).join(', ')}`);
	process.exit(1);
});
