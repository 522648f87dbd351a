import type { INodeProperties } from 'n8n-workflow';

/** How the calls reach the service (see transport/connection.ts). */
export const connectionOptions: INodeProperties[] = [
	{
		displayName: 'Reuse Connections',
		name: 'reuseConnections',
		type: 'boolean',
		default: true,
		description:
			'Whether to send the images over kept-alive connections: one connection (and one TLS handshake) serves many calls. Turn it off only on n8n 1.x queue-mode workers behind HTTP_PROXY/HTTPS_PROXY, where n8n applies that proxy to per-call connections only. Request Options → Proxy and → Ignore SSL Issues always use a connection per call.',
	},
];
