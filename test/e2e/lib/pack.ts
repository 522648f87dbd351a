import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { PACKAGE_NAME, REPO } from './paths';

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
	try {
		return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string; message: string };
		throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
	}
}

/** `npm run build` then `npm pack` into outDir; returns the tarball path. `repo`: another checkout to pack. */
export function buildAndPack(outDir: string, { build = true, repo = REPO } = {}): string {
	mkdirSync(outDir, { recursive: true });
	for (const f of readdirSync(outDir)) if (f.endsWith('.tgz')) rmSync(join(outDir, f));
	if (build) run('npm', ['run', 'build'], repo);
	// --ignore-scripts: the repo's .npmrc sets it too; pack must not re-run a build or lifecycle hook.
	const out = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], repo);
	const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = join(outDir, info.filename.replace(/^@.*\//, '').replace('/', '-'));
	if (!existsSync(tarball)) throw new Error(`npm pack reported ${info.filename} but ${tarball} is missing`);
	return tarball;
}

/** The file list of the tarball (what the npm registry would publish). */
export function tarballFiles(tarball: string): string[] {
	return run('tar', ['-tzf', tarball], REPO)
		.split('\n')
		.filter(Boolean)
		.map((f) => f.replace(/^package\//, ''));
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` exactly as n8n 2.x's Community Nodes
 * installer does (CommunityPackagesService.downloadPackage in n8n 2.41): unpack into
 * `nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its package.json, run
 * `npm install --ignore-scripts --install-strategy=shallow --package-lock=false` inside it, and
 * record the dependency in `nodes/package.json`. n8n then finds it by scanning
 * `nodes/node_modules` at start-up, so the node type is `n8n-nodes-etop-ocr.etopOcr` and only the
 * published files exist. (n8n 1.x scans the same folder; its installer ran `npm install <pkg>`
 * there, which gives the same tree for a package without runtime dependencies.)
 */
export function installLikeCommunityNodes(userFolder: string, tarballPath: string, npmEnv: NodeJS.ProcessEnv): string {
	const tarball = resolve(tarballPath);
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	const nodesPackageJson = join(nodesDir, 'package.json');
	if (!existsSync(nodesPackageJson)) {
		writeFileSync(nodesPackageJson, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], nodesDir);
	const pkgPath = join(packageDir, 'package.json');
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(readFileSync(pkgPath, 'utf8'));
	writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		packageDir,
		npmEnv,
	);
	const nodesPkg = JSON.parse(readFileSync(nodesPackageJson, 'utf8'));
	nodesPkg.dependencies = { ...(nodesPkg.dependencies ?? {}), [PACKAGE_NAME]: pkg.version };
	writeFileSync(nodesPackageJson, JSON.stringify(nodesPkg, null, 2));
	return packageDir;
}
