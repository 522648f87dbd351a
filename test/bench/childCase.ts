import { spawn } from 'node:child_process';

// A bench case in a fresh Node process (through tsx): the spec goes in as JSON on the command
// line, the figures come back as the last line of its output, one JSON object.

export async function runChildCase<T>(script: string, spec: object, options: { nodeFlags?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<T> {
	return await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', script, JSON.stringify(spec)], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: options.env ?? process.env,
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const line = out.trim().split('\n').pop() ?? '';
			if (code !== 0 || !line.startsWith('{')) reject(new Error(`${script} failed (exit ${code}): ${err || out}`));
			else resolve(JSON.parse(line) as T);
		});
	});
}

/** The child's side: reads the spec, runs `main`, prints its figures as one JSON line, exits. */
export function childCase<S, T>(main: (spec: S) => Promise<T>): void {
	main(JSON.parse(process.argv[2]) as S).then(
		(figures) => {
			process.stdout.write(`${JSON.stringify(figures)}\n`);
			process.exit(0);
		},
		(error: unknown) => {
			process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
			process.exit(1);
		},
	);
}
