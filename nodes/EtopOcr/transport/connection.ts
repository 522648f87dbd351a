import type { DeclarativeRestApiSettings, IExecuteSingleFunctions } from 'n8n-workflow';

import { settleAsync } from '../shared/settle';

type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

/**
 * How one call reaches the service: over a kept-alive connection, or over a connection of its
 * own (n8n's default for a node's request, and the way for settings a shared connection cannot
 * carry). See docs/performance.md.
 */
export type ConnectionMode = 'reused' | 'perCall';

/**
 * Request Options → Proxy and → Ignore SSL Issues are settings of the connection itself: n8n
 * builds a connection (agent) for them per call, so a call with either keeps that path, as does
 * a run with Options → Reuse Connections off, or a process whose outbound calls n8n filters
 * (`egressFiltered`).
 */
export function connectionMode(options: RequestOptions, reuse: boolean): ConnectionMode {
	return !reuse || options.proxy || options.skipSslCertificateValidation ? 'perCall' : 'reused';
}

/**
 * The request options that send the call to `endpoint`. n8n-core builds its agents (a new
 * connection pool per call) only for a call whose address it can parse from `url` and
 * `baseURL`; for the scheme alone as `baseURL` (`https://`, no host: no URL) and the rest as
 * `url` it builds none, and axios, which joins the two into `https:/host/path` and reads that as
 * `https://host/path`, sends the call through Node's shared keep-alive agent: one pool per host
 * and port, at most as many sockets as calls in flight, idle sockets closed after 5 s (sooner
 * when the server's Keep-Alive says so). Where n8n runs behind HTTP(S)_PROXY it has put its
 * proxy-aware agent in that place (n8n 2.x in every process unless N8N_OUTBOUND_PROXY_MODE is
 * main-only, 1.x in the main process only), so those calls still take the proxy. Timeout and
 * cancel stay per call.
 */
export function connectTo(options: RequestOptions, endpoint: string, reuse: boolean): RequestOptions {
	// An endpoint that is no URL is left to n8n to refuse, as before.
	if (connectionMode(options, reuse) === 'perCall' || !URL.canParse(endpoint)) return { ...options, url: endpoint };
	const { protocol, href } = new URL(endpoint);
	const scheme = `${protocol}//`;
	return { ...options, baseURL: scheme, url: href.slice(scheme.length) };
}

interface EgressFilter {
	validateUrl(url: string): Promise<{ ok: boolean }>;
}

/** What of n8n's egress guard a hook's context shows, depending on the n8n-core version. */
interface EgressView {
	helpers?: { getSecureEgressFilter?: () => EgressFilter | undefined | null };
	additionalData?: { ssrfBridge?: unknown };
}

/**
 * Whether n8n checks this process's outbound calls (its SSRF protection,
 * N8N_SSRF_PROTECTION_ENABLED): a call on the shared agent would pass by those checks (n8n
 * checks the address it parses and connects through its agents' guarded DNS look-up), so such a
 * process keeps n8n's own path. n8n-core 2.30 and later hand a node the filter
 * (`getSecureEgressFilter`): n8n's do-nothing filter is the one that accepts a string that is
 * no URL. n8n-core 2.14 to 2.29 keep the guard in `additionalData.ssrfBridge` and show it
 * nowhere else; n8n-core 1.x and 2.x before 2.14 have none. What cannot be seen counts as checked.
 */
export async function egressFiltered(context: IExecuteSingleFunctions): Promise<boolean> {
	const { helpers, additionalData } = context as unknown as EgressView;
	const getFilter = helpers?.getSecureEgressFilter;
	if (typeof getFilter === 'function') {
		const passes = await settleAsync(async () => {
			const filter = getFilter.call(helpers);
			return filter === undefined || filter === null || (await filter.validateUrl('')).ok === true;
		});
		return !(passes.ok && passes.value);
	}
	if (typeof additionalData !== 'object' || additionalData === null) return true;
	return additionalData.ssrfBridge !== undefined && additionalData.ssrfBridge !== null;
}
