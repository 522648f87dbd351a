import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { CACHE } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium flags for this machine: headless as root, no GPU, and no background traffic (the
 * network is closed; without these flags Chromium keeps trying to reach Google's hosts).
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

/**
 * playwright-core from the project's devDependencies, or else from the e2e cache's tools folder
 * (scripts/e2e.ts installs it there when the project does not have it yet).
 */
// Typed loosely on purpose: the project type-checks test/ without playwright-core installed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadPlaywright(): any {
	try {
		// eslint-disable-next-line @typescript-eslint/no-var-requires
		return require('playwright-core');
	} catch {
		const cached = join(CACHE, 'tools', 'node_modules', 'playwright-core');
		if (!existsSync(cached)) {
			throw new Error('playwright-core is not installed: add it to devDependencies or run `npm run test:e2e` (which installs it into the e2e cache)');
		}
		// eslint-disable-next-line @typescript-eslint/no-var-requires
		return require(cached);
	}
}
