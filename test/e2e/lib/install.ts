import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { REPO } from './paths';

/** One finished install, as recorded in its marker file by scripts/install-n8n.sh. */
export interface N8nInstall {
	/** n8n version, e.g. "2.41.1" */
	n8n: string;
	/** the Node binary that runs this n8n */
	node: string;
	nodeVersion: string;
	/** folder with bin/node and include/ */
	nodeHome: string;
	/** path of n8n's bin/n8n script */
	n8nBin: string;
}

export type N8nMajor = 1 | 2;

export function majorOf(install: N8nInstall): N8nMajor {
	return install.n8n.startsWith('1.') ? 1 : 2;
}

function parseMarkers(stdout: string): N8nInstall[] {
	return stdout
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as N8nInstall);
}

/**
 * Returns the install of the given n8n major version, installing it first when the cache lacks it
 * (scripts/install-n8n.sh; minutes when cold, a second when warm). The env var
 * E2E_N8N_V<major> (a marker JSON, set by scripts/e2e.ts) short-cuts this.
 */
export function ensureN8n(major: N8nMajor): N8nInstall {
	const preset = process.env[`E2E_N8N_V${major}`];
	if (preset) return JSON.parse(preset) as N8nInstall;
	const stdout = execFileSync('bash', [join(REPO, 'scripts', 'install-n8n.sh'), String(major)], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const found = parseMarkers(stdout).find((m) => m.n8n.startsWith(`${major}.`));
	if (!found) throw new Error(`scripts/install-n8n.sh ${major} printed no install marker:\n${stdout}`);
	return found;
}
