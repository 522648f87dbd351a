// The sandbox in its own process for the benchmark, so that the service's work (decoding the
// uploads, rendering the answers) does not share the event loop and the CPU core of the n8n
// process being measured — as with the real service. Controlled over IPC by remoteSandbox.ts.

import { startRelay, startTlsFront, type Certificate, type Relay } from '../harness/relay';
import { startSandbox, type Fault } from '../sandbox/server';

export type SandboxCommand =
	| { method: 'setLatency'; args: [number] }
	| { method: 'setMaxConcurrent'; args: [number | undefined] }
	| { method: 'addFault'; args: [Fault] }
	| { method: 'startHttps'; args: [{ certificate: { key: string; cert: string }; roundTripMs: number }] }
	| { method: 'reset' | 'clearFaults' | 'stats' | 'cpu' | 'close'; args: [] };

export interface SandboxStats {
	peakInFlight: number;
	/** connections opened at the HTTPS front since it started (0 without one) */
	httpsConnections: number;
	calls: Array<{ errorCode: string | null; billed: boolean; requestId?: string; startedAt: number }>;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox();
	// The bench process went away (finished, failed or killed): no sandbox is left behind.
	process.on('disconnect', () => process.exit(0));
	// The HTTPS front and its delaying relay live here too, so that TLS termination and the
	// relay's timers cost the measured process nothing.
	const https: Relay[] = [];
	process.on('message', (message: { id: number } & SandboxCommand) => {
		const answer = async (): Promise<unknown> => {
			switch (message.method) {
				case 'setLatency':
					return sandbox.setLatency(...message.args);
				case 'setMaxConcurrent':
					// IPC carries JSON, where undefined (no limit) arrives as null.
					return sandbox.setMaxConcurrent(message.args[0] ?? undefined);
				case 'addFault':
					return sandbox.addFault(...message.args);
				case 'reset':
					return sandbox.reset();
				case 'clearFaults':
					return sandbox.clearFaults();
				case 'startHttps': {
					const { certificate, roundTripMs } = message.args[0];
					const pem: Certificate = { key: Buffer.from(certificate.key), cert: Buffer.from(certificate.cert) };
					const tls = await startTlsFront(sandbox.url, pem);
					const relay = await startRelay(tls.origin, { roundTripMs });
					https.push(tls, relay);
					return `${relay.origin}/ocr/PageOcrServlet`;
				}
				case 'cpu': {
					const { user, system } = process.cpuUsage();
					return (user + system) / 1000;
				}
				case 'stats': {
					const stats: SandboxStats = {
						peakInFlight: sandbox.peakInFlight,
						httpsConnections: https[0]?.connections ?? 0,
						calls: sandbox.calls.map((call) => ({ errorCode: call.errorCode, billed: call.billed, requestId: call.fields.requestId, startedAt: call.startedAt })),
					};
					return stats;
				}
				case 'close':
					await Promise.all(https.map(async (server) => await server.close()));
					await sandbox.close();
					setImmediate(() => process.exit(0));
					return undefined;
			}
		};
		answer().then(
			(result) => process.send!({ id: message.id, result }),
			(error: Error) => process.send!({ id: message.id, error: error.message }),
		);
	});
	process.send!({ ready: true, url: sandbox.url, endpoint: sandbox.endpoint });
}

void main();
