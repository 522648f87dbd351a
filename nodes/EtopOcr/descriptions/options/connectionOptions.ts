import type { INodeProperties } from 'n8n-workflow';

/** How the calls reach the service (see transport/connection.ts). */
export const connectionOptions: INodeProperties[] = [
	{
		displayName: 'Reuse Connections',
		name: 'reuseConnections',
		type: 'boolean',
		default: true,
		description:
			'Whether to send the images over kept-alive connections: one connection (and one TLS handshake) serves many calls. Turn it off only where n8n applies HTTP_PROXY/HTTPS_PROXY to per-call connections only: n8n 1.x queue-mode workers, n8n 2.x workers with N8N_OUTBOUND_PROXY_MODE=main-only. Request Options → Proxy, → Ignore SSL Issues and n8n SSRF protection (N8N_SSRF_PROTECTION_ENABLED) always use a connection per call.',
	},
];
