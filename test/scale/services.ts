// Redis and PostgreSQL for `npm run test:scale`: started from the Debian packages on loopback, in
// folders of their own, as child processes this script owns and stops. Nothing is installed here.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../e2e/lib/n8n';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

function missing(what: string, install: string): never {
	throw new Error(`${what} is not installed: ${install} (see docs/running-at-scale.md)`);
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	const done = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 15_000))]);
	if (!done) {
		child.kill('SIGKILL');
		await exited;
	}
}

/** Polls `ready` every 200 ms for up to `timeoutMs`; fails early when the process exits. */
async function waitUntil(child: ChildProcess, what: string, ready: () => boolean, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} before it was ready`);
		if (ready()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

/** `redis-server` on 127.0.0.1, nothing persisted. */
export async function startRedis(dir: string): Promise<Service> {
	if (spawnSync('redis-server', ['--version']).status !== 0) missing('redis-server', 'apt-get install redis-server');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: 'ignore',
	});
	await waitUntil(child, 'redis-server', () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG');
	return { port, stop: () => stopChild(child) };
}

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
	if (!version) missing('PostgreSQL', 'apt-get install postgresql');
	return join(root, version, 'bin');
}

/**
 * initdb refuses to run as root: as root, PostgreSQL runs as the Debian package's user postgres.
 * setpriv execs (no process in between), so the child this script holds is postgres itself.
 */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	return userInfo().uid === 0 ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', command, ...args]] : [command, args];
}

/** A fresh PostgreSQL cluster on 127.0.0.1 (trust auth, loopback only) with a database `n8n`. */
export async function startPostgres(dir: string): Promise<Service & { database: string; user: string }> {
	const bin = postgresBin();
	mkdirSync(dir, { recursive: true, mode: 0o777 });
	if (userInfo().uid === 0) spawnSync('chown', ['postgres:postgres', dir]);
	const data = join(dir, 'data');
	const [initdb, initArgs] = asPostgresUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const init = spawnSync(initdb, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
	const port = await freePort();
	const [postgres, args] = asPostgresUser(join(bin, 'postgres'), [
		'-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=200',
	]);
	const child = spawn(postgres, args, { stdio: 'ignore' });
	const isReady = () => spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).status === 0;
	await waitUntil(child, 'postgres', isReady);
	const create = spawnSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'], { encoding: 'utf8' });
	if (create.status !== 0) throw new Error(`createdb failed: ${create.stderr}`);
	// SIGINT: PostgreSQL's "fast" shutdown.
	return { port, database: 'n8n', user: 'postgres', stop: () => stopChild(child, 'SIGINT') };
}
