import type { DeclarativeRestApiSettings } from 'n8n-workflow';

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
 * a run with Options → Reuse Connections off.
 */
export function connectionMode(options: RequestOptions, reuse: boolean): ConnectionMode {
	return !reuse || options.proxy || options.skipSslCertificateValidation ? 'perCall' : 'reused';
}

/**
 * The request options that send the call to `endpoint`. For a call given as `baseURL` with an
 * empty `url`, n8n-core (1.x and 2.x) builds no agent of its own, so axios sends it through
 * Node's shared keep-alive agent: one pool per host and port, at most as many sockets as calls
 * in flight, idle sockets closed after 5 s (sooner when the server's Keep-Alive says so). Where
 * n8n runs behind HTTP(S)_PROXY it has put its proxy-aware agent in that place (n8n 2.x in every
 * process, 1.x in the main process only), so those calls still take the proxy. Timeout stays per
 * call. n8n-core versions that build an agent for every call whatever the URL (2.41 does) simply
 * keep their own path.
 */
export function connectTo(options: RequestOptions, endpoint: string, reuse: boolean): RequestOptions {
	if (connectionMode(options, reuse) === 'perCall') return { ...options, url: endpoint };
	return { ...options, baseURL: endpoint, url: '' };
}
