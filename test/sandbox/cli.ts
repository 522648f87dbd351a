import { SANDBOX_KEY, SANDBOX_SECRET, startSandbox, type Sandbox } from './server';
import { BLOCKED_KEY, EXHAUSTED_KEY, LIMITED_KEY } from './accounts';

// npx tsx test/sandbox/cli.ts [--port 8790] [--latency MS] [--max-concurrent N]   (or ETOP_SANDBOX_PORT)
// Runs the sandbox until killed. When the port is taken, it takes a free one and says which.

function option(args: string[], name: string): string | undefined {
	const at = args.indexOf(name);
	if (at !== -1) return args[at + 1];
	const inline = args.find((a) => a.startsWith(`${name}=`));
	return inline?.slice(name.length + 1);
}

function intOption(args: string[], name: string, fallback?: string): number | undefined {
	const raw = option(args, name) ?? fallback;
	if (raw === undefined) return undefined;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) {
		process.stderr.write(`${name} must be a non-negative integer, got ${raw}\n`);
		process.exit(2);
	}
	return n;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		process.stdout.write('usage: tsx test/sandbox/cli.ts [--port 8790] [--latency MS] [--max-concurrent N]\n');
		return;
	}
	const port = intOption(args, '--port', process.env.ETOP_SANDBOX_PORT) ?? 8790;
	const latencyMs = intOption(args, '--latency') ?? 0;
	const maxConcurrent = intOption(args, '--max-concurrent');
	const options = { latencyMs, ...(maxConcurrent !== undefined ? { maxConcurrent } : {}) };
	let sandbox: Sandbox;
	try {
		sandbox = await startSandbox({ ...options, port });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
		// Binding port 0 lets the system pick a free port: no window between a probe and the bind.
		sandbox = await startSandbox({ ...options, port: 0 });
		process.stdout.write(`port ${port} is taken, using ${new URL(sandbox.url).port}\n`);
	}
	process.stdout.write(
		[
			'ETOP OCR sandbox running',
			`  endpoint : ${sandbox.endpoint}`,
			`  key      : ${SANDBOX_KEY}`,
			`  secret   : ${SANDBOX_SECRET}`,
			`  images   : ${sandbox.url}/images/id-card.png (samples), ${sandbox.url}/images/generated?marker=...`,
			`  accounts : blocked ${BLOCKED_KEY}, no calls left ${EXHAUSTED_KEY}, pids 1,2 only ${LIMITED_KEY}`,
			`  latency ${latencyMs} ms${maxConcurrent !== undefined ? `, max concurrent ${maxConcurrent}` : ''}; Ctrl-C to stop`,
			'',
		].join('\n'),
	);
	const stop = (): void => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
	process.stderr.write(`sandbox failed to start: ${e.message}\n`);
	process.exit(1);
});
