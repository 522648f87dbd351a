import { existsSync, readdirSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';

import type { INodeParameters, INodeType } from 'n8n-workflow';

import { CACHE } from '../e2e/lib/paths';

// n8n's HTTP Request node (V3), the peer a user would build instead of this node. It lives in
// `n8n-nodes-base`, which does not install as a devDependency on Node 20 (isolated-vm, a tarball
// from outside the npm registry), so it is loaded from the n8n that `npm run test:e2e` installs
// into the cache, with the modules it shares with the engine (n8n-workflow; form-data, whose
// instances n8n-core recognises by class) taken from this repo's n8n-core.

/** The newest n8n 1.x in the e2e cache (it runs on Node 20, as the bench does), or undefined. */
function nodesBaseDir(): string | undefined {
	if (!existsSync(CACHE)) return undefined;
	const installs = readdirSync(CACHE)
		.filter((name) => /^n8n-1\.\d+\.\d+$/.test(name))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	for (const name of installs.reverse()) {
		const dir = join(CACHE, name, 'node_modules', 'n8n-nodes-base');
		if (existsSync(join(dir, 'dist', 'nodes', 'HttpRequest', 'V3', 'HttpRequestV3.node.js'))) return dir;
	}
	return undefined;
}

type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

export interface HttpRequestPeer {
	nodeType: INodeType;
	typeVersion: number;
	/** where it was loaded from */
	from: string;
}

function loadHttpRequestNode(): HttpRequestPeer | undefined {
	const dir = nodesBaseDir();
	if (!dir) return undefined;
	const core = [dirname(require.resolve('n8n-core'))];
	const shared = new Map(['n8n-workflow', 'form-data'].map((name) => [name, require.resolve(name, { paths: core })]));
	const loader = Module as unknown as { _resolveFilename: Resolve };
	const original = loader._resolveFilename;
	loader._resolveFilename = function (request, parent, ...rest) {
		const own = shared.get(request);
		if (own && parent?.filename?.startsWith(dir)) return own;
		return original.call(this, request, parent, ...rest);
	};
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequestV3 } = require(join(dir, 'dist', 'nodes', 'HttpRequest', 'V3', 'HttpRequestV3.node.js')) as {
		HttpRequestV3: new (description: object) => INodeType;
	};
	const nodeType = new HttpRequestV3({ displayName: 'HTTP Request', name: 'httpRequest', group: ['output'], description: '', defaultVersion: 4.2 });
	return { nodeType, typeVersion: 4.2, from: dir };
}

let loaded: HttpRequestPeer | undefined | null = null;

/** n8n's HTTP Request node (V3), loaded once; undefined when no n8n 1.x is in the e2e cache. */
export function httpRequestPeer(): HttpRequestPeer | undefined {
	if (loaded === null) loaded = loadHttpRequestNode();
	return loaded;
}

/**
 * The HTTP Request node as a user sets it up for ETOP: POST to the endpoint, multipart form with
 * the item's binary as `mfile` (one node, no base64 step; n8n's editor offers this as "n8n Binary
 * File"), key and secret as form fields, and Options → Batching: `batchSize` items, then a pause
 * of `batchIntervalMs` before the next batch (n8n starts every item of a batch at once).
 */
export function httpRequestParameters(endpoint: string, fields: Record<string, string>, batchSize: number, batchIntervalMs: number): INodeParameters {
	return {
		method: 'POST',
		url: endpoint,
		sendBody: true,
		contentType: 'multipart-form-data',
		bodyParameters: {
			parameters: [
				...Object.entries(fields).map(([name, value]) => ({ parameterType: 'formData', name, value })),
				{ parameterType: 'formBinaryData', name: 'mfile', inputDataFieldName: 'data' },
			],
		},
		options: { batching: { batch: { batchSize, batchInterval: batchIntervalMs } } },
	};
}
