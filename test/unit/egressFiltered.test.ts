import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { egressFiltered } from '../../nodes/EtopOcr/transport/connection';

// How the node reads n8n's egress guard (transport/connection.ts) from the shapes n8n-core's
// contexts have: 2.30+ a `getSecureEgressFilter` helper (n8n's do-nothing filter accepts
// anything, n8n's SsrfProtectionService refuses a string that is no URL), 2.14–2.29 only
// `additionalData.ssrfBridge`, 1.x and 2.x before 2.14 neither.

const context = (shape: object) => shape as unknown as IExecuteSingleFunctions;
const passthrough = { validateUrl: async () => ({ ok: true }) };
const guard = { validateUrl: async (url: string) => ({ ok: URL.canParse(url) }) };

describe('egressFiltered', () => {
	it("n8n-core 2.30+: n8n's do-nothing filter, or none, lets the node reuse connections", async () => {
		expect(await egressFiltered(context({ helpers: { getSecureEgressFilter: () => passthrough }, additionalData: {} }))).toBe(false);
		expect(await egressFiltered(context({ helpers: { getSecureEgressFilter: () => undefined }, additionalData: {} }))).toBe(false);
	});

	it('n8n-core 2.30+: a filter that checks URLs keeps n8n’s path, even where additionalData shows no bridge', async () => {
		expect(await egressFiltered(context({ helpers: { getSecureEgressFilter: () => guard }, additionalData: {} }))).toBe(true);
	});

	it('a filter that throws, or a helper that throws, counts as checking', async () => {
		const throwing = { validateUrl: async () => Promise.reject(new TypeError('not a URL object')) };
		expect(await egressFiltered(context({ helpers: { getSecureEgressFilter: () => throwing } }))).toBe(true);
		expect(await egressFiltered(context({ helpers: { getSecureEgressFilter: () => { throw new Error('no') } } }))).toBe(true);
	});

	it('n8n-core 2.14–2.29: the bridge in additionalData decides', async () => {
		expect(await egressFiltered(context({ helpers: {}, additionalData: { ssrfBridge: passthrough } }))).toBe(true);
		expect(await egressFiltered(context({ helpers: {}, additionalData: { ssrfBridge: undefined } }))).toBe(false);
	});

	it('n8n-core 1.x and 2.x before 2.14 (no guard) reuse; a context that shows neither counts as checked', async () => {
		expect(await egressFiltered(context({ helpers: {}, additionalData: {} }))).toBe(false);
		expect(await egressFiltered(context({ helpers: {} }))).toBe(true);
	});
});
