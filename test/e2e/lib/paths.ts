import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const REPO = resolve(__dirname, '../../..');

/** Where scripts/install-n8n.sh keeps n8n and Node installs (outside the repo, reused by later runs). */
export const CACHE =
	process.env.ETOP_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-etop-ocr');

/**
 * Scratch space of one e2e run: tarball, n8n user folders, logs. Outside the clone on purpose: from a
 * user folder inside it, Node would resolve the installed package's `n8n-workflow` to the repo's dev
 * copy instead of n8n's (a real install finds none up the tree), and n8n would no longer recognise
 * the node's errors as its own NodeApiError.
 */
export const WORK = process.env.ETOP_E2E_WORK ?? join(tmpdir(), 'n8n-nodes-etop-ocr-e2e');

export const SAMPLES_DIR = join(REPO, 'test', 'fixtures', 'samples');
export const EXAMPLES_DIR = join(REPO, 'examples');
export const SCREENSHOTS_DIR = join(REPO, 'docs', 'screenshots');

/** The node and credential type names as n8n sees them once the package is installed. */
export const PACKAGE_NAME = 'n8n-nodes-etop-ocr';
export const NODE_TYPE = `${PACKAGE_NAME}.etopOcr`;
export const TOOL_NODE_TYPE = `${PACKAGE_NAME}.etopOcrTool`;
export const CREDENTIAL_TYPE = 'etopOcrApi';
