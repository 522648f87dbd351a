import { ChildProcess, spawn } from 'child_process';
import { createServer } from 'net';
import { join } from 'path';
import { makeJpeg } from '../fixtures/images';
import { b64, CREDS, postForm } from './helpers';

const CLI = join(__dirname, 'cli.ts');
const REPO = join(__dirname, '..', '..');

function run(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: Promise<string>; exit: Promise<number | null> } {
	const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, env: { ...process.env, ...env } });
	let text = '';
	const output = new Promise<string>((resolve) => {
		child.stdout!.on('data', (d: Buffer) => {
			text += d.toString();
			if (text.includes('Ctrl-C')) resolve(text);
		});
		child.stderr!.on('data', (d: Buffer) => {
			text += d.toString();
		});
		// Started or gone: no clock of its own (a loaded machine starts tsx slowly); jest's timeout bounds it.
		child.on('exit', () => resolve(text));
	});
	const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, output, exit };
}

it('starts on the asked port, prints the endpoint and credentials, serves, and stops on SIGTERM', async () => {
	const { child, output, exit } = run(['--port', '0', '--latency', '5', '--max-concurrent', '3']);
	try {
		const text = await output;
		expect(text).toContain(CREDS.key);
		expect(text).toContain(CREDS.secret);
		const endpoint = /endpoint : (\S+)/.exec(text)![1];
		expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ocr\/PageOcrServlet$/);
		expect(text).toContain('max concurrent 3');
		const a = await postForm(endpoint, { ...CREDS, pid: '1', file: b64(makeJpeg()) });
		expect(a.json).toMatchObject({ ErrorCode: '0', VIN: 'LFWSRXNH6AAD38754' });
	} finally {
		child.kill('SIGTERM');
	}
	expect(await exit).toBe(0);
});

it('reads ETOP_SANDBOX_PORT and refuses bad numbers', async () => {
	const env = run([], { ETOP_SANDBOX_PORT: '0' });
	try {
		expect(await env.output).toMatch(/endpoint : http:\/\/127\.0\.0\.1:\d+\//);
	} finally {
		env.child.kill('SIGTERM');
	}
	await env.exit;
	const bad = run(['--latency', 'soon']);
	expect(await bad.exit).toBe(2);
	expect(await bad.output).toContain('--latency must be a non-negative integer');
});

it('takes a free port when the asked one is taken, and says which', async () => {
	const taken = createServer();
	await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
	const port = (taken.address() as { port: number }).port;
	const { child, output, exit } = run(['--port', String(port)]);
	try {
		const text = await output;
		const endpoint = /endpoint : (\S+)/.exec(text)![1];
		const used = new URL(endpoint).port;
		expect(used).not.toBe(String(port));
		expect(text).toContain(`port ${port} is taken, using ${used}`);
		const a = await postForm(endpoint, { ...CREDS, pid: '1', file: b64(makeJpeg()) });
		expect(a.json).toMatchObject({ ErrorCode: '0' });
	} finally {
		child.kill('SIGTERM');
		taken.close();
	}
	expect(await exit).toBe(0);
});
