import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

import type { N8nInstall } from './install';

/** `count` distinct free TCP ports on the loopback interface (all held open until all are known). */
export async function freePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
					const server = createServer();
					server.unref();
					server.on('error', reject);
					server.listen(0, '127.0.0.1', () => resolve(server));
				}),
		),
	);
	const ports = servers.map((s) => (s.address() as { port: number }).port);
	await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
	return ports;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
	return (await freePorts(1))[0];
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface ExecutionResult extends CliResult {
	/** the execution as printed by `n8n execute --rawOutput` (undefined when nothing parsable came out) */
	execution?: RawExecution;
}

export interface RawItem {
	json: Record<string, any>;
	binary?: Record<string, { id?: string; data?: string; fileName?: string; mimeType?: string; fileSize?: string; [k: string]: unknown }>;
	pairedItem?: { item: number; input?: number } | Array<{ item: number; input?: number }> | number;
	error?: unknown;
}

export interface RawTaskData {
	executionStatus?: string;
	error?: { message?: string; description?: string; [k: string]: unknown };
	data?: Record<string, Array<RawItem[] | null>>;
}

export interface RawExecution {
	status?: string;
	finished?: boolean;
	data: { resultData: { runData: Record<string, RawTaskData[]>; error?: { message?: string }; lastNodeExecuted?: string } };
}

/**
 * Process groups of n8n servers still running. If the test or dev process ends without stopping
 * them (a crash, Ctrl-C in the middle of a start), they are killed on the way out so no n8n or
 * task runner is left behind.
 */
const liveGroups = new Set<number>();
process.once('exit', () => {
	for (const pgid of liveGroups) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {}
	}
});

function nodeMajor(version: string): number {
	return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

export const DEFAULT_ENCRYPTION_KEY = 'etop-e2e-encryption-key-not-a-secret';

export interface N8nInstanceOptions {
	/** the n8n user folder (N8N_USER_FOLDER); n8n keeps everything under `<dir>/.n8n` */
	userFolder: string;
	/** folder for this instance's logs */
	logDir: string;
	/** folders the Read/Write Files node may touch (N8N_RESTRICT_FILE_ACCESS_TO) */
	fileAccess?: string[];
	/** extra environment for every n8n process */
	env?: Record<string, string>;
	port?: number;
	brokerPort?: number;
}

/** Strip anything from the parent environment that would change how n8n behaves or reaches out. */
function cleanParentEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|NODE_OPTIONS$|NODE_ENV$|JEST_|TS_JEST|npm_|HTTPS?_PROXY$|ALL_PROXY$|https?_proxy$|all_proxy$)/.test(k)) continue;
		env[k] = v;
	}
	return env;
}

/**
 * One real n8n: a user folder plus the CLI commands and, when started, the server. Every process
 * listens on 127.0.0.1 only and has outbound connections only to what the workflows address
 * (the sandbox and stand-ins on loopback); diagnostics, templates and version checks are off.
 */
export class N8nInstance {
	readonly port: number;
	readonly brokerPort: number;
	private server?: ChildProcess;
	private cookie = '';
	private logCounter = 0;

	constructor(
		readonly install: N8nInstall,
		readonly options: N8nInstanceOptions,
	) {
		this.port = options.port ?? 0;
		this.brokerPort = options.brokerPort ?? 0;
		mkdirSync(options.logDir, { recursive: true });
		mkdirSync(options.userFolder, { recursive: true });
	}

	static async create(install: N8nInstall, options: N8nInstanceOptions): Promise<N8nInstance> {
		const [port, brokerPort] = await freePorts(3);
		return new N8nInstance(install, {
			...options,
			port: options.port ?? port,
			brokerPort: options.brokerPort ?? (brokerPort === options.port ? (await freePorts(3))[2] : brokerPort),
		});
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get n8nDir(): string {
		return join(this.options.userFolder, '.n8n');
	}

	get databaseFile(): string {
		return join(this.n8nDir, 'database.sqlite');
	}

	env(): NodeJS.ProcessEnv {
		return {
			...cleanParentEnv(),
			PATH: `${join(this.install.nodeHome, 'bin')}:${process.env.PATH ?? ''}`,
			NODE_ENV: 'production',
			TZ: 'UTC',
			GENERIC_TIMEZONE: 'UTC',
			NO_PROXY: '127.0.0.1,localhost',
			N8N_USER_FOLDER: this.options.userFolder,
			N8N_ENCRYPTION_KEY: DEFAULT_ENCRYPTION_KEY,
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: this.baseUrl,
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_ENABLED: 'true',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_AI_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			DB_SQLITE_VACUUM_ON_STARTUP: 'false',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			// n8n 1.123's default expression engine ("vm") needs isolated-vm, whose published builds
			// cover Node 22 and 24 only (ABI 127/137); on Node 20 every command that evaluates
			// expressions crashes at start-up. The "legacy" engine is n8n's own fallback for that.
			...(nodeMajor(this.install.nodeVersion) < 22 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			...(this.options.fileAccess?.length ? { N8N_RESTRICT_FILE_ACCESS_TO: this.options.fileAccess.join(';') } : {}),
			...this.options.env,
		};
	}

	private logFile(name: string): string {
		return join(this.options.logDir, `${String(++this.logCounter).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.log`);
	}

	/** Runs `n8n <args>` to completion; stdout and stderr also go to a log file. */
	async cli(args: string[], { timeoutMs = 180_000 } = {}): Promise<CliResult> {
		const log = this.logFile(args.join(' ').slice(0, 60));
		return await new Promise((resolve, reject) => {
			const child = spawn(this.install.node, [this.install.n8nBin, ...args], {
				env: this.env(),
				cwd: this.options.userFolder,
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			let stdout = '';
			let stderr = '';
			child.stdout!.on('data', (d) => (stdout += d));
			child.stderr!.on('data', (d) => (stderr += d));
			const timer = setTimeout(() => {
				try {
					process.kill(-child.pid!, 'SIGKILL');
				} catch {}
				reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms; log: ${log}`));
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				// the task runner may outlive the CLI process: end the whole process group
				try {
					process.kill(-child.pid!, 'SIGKILL');
				} catch {}
				writeFileSync(log, `$ n8n ${args.join(' ')}\n--- exit ${code}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
				resolve({ code, stdout, stderr });
			});
		});
	}

	async cliOk(args: string[], opts?: { timeoutMs?: number }): Promise<CliResult> {
		const result = await this.cli(args, opts);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited with ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		}
		return result;
	}

	async importCredentials(credentials: unknown[]): Promise<void> {
		const file = join(this.options.logDir, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			await this.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			// the file holds the credentials in plain text: keep it no longer than the import
			writeFileSync(file, '[]');
		}
	}

	/** Imports workflows (each needs an `id`) in one n8n process. */
	async importWorkflows(workflows: Array<{ id: string }>): Promise<void> {
		const dir = join(this.options.logDir, `workflows-${Date.now()}`);
		mkdirSync(dir, { recursive: true });
		for (const wf of workflows) writeFileSync(join(dir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
		await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** `n8n execute --id=ID --rawOutput`: runs the workflow headless, as the CLI does. */
	async execute(id: string, { timeoutMs = 180_000 } = {}): Promise<ExecutionResult> {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs });
		return { ...result, execution: parseRawOutput(result.stdout) };
	}

	// ----------------------------------------------------------------------------------------------
	// the server
	// ----------------------------------------------------------------------------------------------

	/**
	 * Starts the server (`n8n start`), or with `args` another long-running command such as
	 * `['worker', '--concurrency=5']`, ready once `isReady` says so (the editor by default).
	 */
	async start({ timeoutMs = 180_000, args = ['start'], isReady = () => this.editorReady() } = {}): Promise<void> {
		if (this.server) return;
		const log = this.logFile(args.join(' '));
		appendFileSync(log, `$ n8n ${args.join(' ')} (port ${this.port})\n`);
		const child = spawn(this.install.node, [this.install.n8nBin, ...args], {
			env: this.env(),
			cwd: this.options.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.server = child;
		if (child.pid) liveGroups.add(child.pid);
		child.once('exit', () => child.pid && liveGroups.delete(child.pid));
		let output = '';
		const onData = (d: Buffer) => {
			output += d;
			appendFileSync(log, d);
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		let exited: number | null | undefined;
		child.on('exit', (code) => (exited = code));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited !== undefined) {
				this.server = undefined;
				throw new Error(`n8n ${args.join(' ')} exited with ${exited} before it was ready; log ${log}:\n${output.slice(-3000)}`);
			}
			try {
				if (await isReady()) return;
			} catch {}
			await new Promise((r) => setTimeout(r, 500));
		}
		await this.stop();
		throw new Error(`n8n ${args.join(' ')} was not ready within ${timeoutMs} ms; log ${log}:\n${output.slice(-3000)}`);
	}

	/**
	 * /healthz answers before the REST routes are mounted (n8n 1.x); the public settings route
	 * answers once the editor and REST API are up, in 1.x and 2.x ... and the editor page stops
	 * saying "n8n is starting up" once the UI is served.
	 */
	private async editorReady(): Promise<boolean> {
		const res = await fetch(`${this.baseUrl}/rest/settings`);
		if (!res.ok) return false;
		const page = await fetch(`${this.baseUrl}/`);
		return page.ok && !(await page.text()).includes('n8n is starting up');
	}

	async stop(): Promise<void> {
		const child = this.server;
		if (!child) return;
		this.server = undefined;
		this.cookie = '';
		if (child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		try {
			process.kill(-child.pid!, 'SIGTERM');
		} catch {}
		const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {}
		if (!killed) await exited;
	}

	get running(): boolean {
		return Boolean(this.server);
	}

	/** A REST call to the running server with the signed-in session (if any). */
	async rest<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
		const res = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				// n8n 2.x requires a browser-id header for authenticated REST calls from the editor
				'browser-id': 'etop-e2e',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.get('set-cookie');
		if (setCookie) {
			const auth = /n8n-auth=[^;]+/.exec(setCookie);
			if (auth) this.cookie = auth[0];
		}
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {}
		return { status: res.status, body: parsed as T, headers: res.headers };
	}

	/** Creates the owner account (first start only) or signs in; leaves the session cookie set. */
	async signIn(owner: OwnerAccount): Promise<void> {
		const setup = await this.rest('POST', '/rest/owner/setup', owner);
		if (setup.status === 200) return;
		const login = await this.rest('POST', '/rest/login', {
			email: owner.email,
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (login.status !== 200) {
			throw new Error(`owner setup answered ${setup.status} ${JSON.stringify(setup.body)}; login answered ${login.status} ${JSON.stringify(login.body)}`);
		}
	}

	/**
	 * The editor's "Execute workflow" button: a manual run on the running server, started from the
	 * given trigger, waited for and read back. Needed where `n8n execute` falls short: the CLI
	 * command does not initialise n8n's modules, so e.g. the Data table node fails there with
	 * "the module is disabled" (n8n 1.123 and 2.41). 1.x takes the workflow from the body, 2.x from
	 * the database; the body carries both shapes.
	 */
	async runManually(workflowId: string, triggerName: string, { timeoutMs = 120_000 } = {}): Promise<{ executionId: string; status: string; execution: RawExecution }> {
		const stored = await this.rest('GET', `/rest/workflows/${workflowId}`);
		if (stored.status !== 200) throw new Error(`GET /rest/workflows/${workflowId} answered ${stored.status}`);
		const started = await this.rest('POST', `/rest/workflows/${workflowId}/run`, {
			workflowData: stored.body.data,
			triggerToStartFrom: { name: triggerName },
		});
		const executionId = started.body?.data?.executionId;
		if (started.status !== 200 || !executionId) {
			throw new Error(`manual run of ${workflowId} answered ${started.status}: ${JSON.stringify(started.body).slice(0, 500)}`);
		}
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const res = await this.rest('GET', `/rest/executions/${executionId}`);
			const exec = res.body?.data;
			if (res.status === 200 && exec && exec.status !== 'running' && exec.status !== 'new' && exec.stoppedAt) {
				const n8nPackageDir = dirname(dirname(this.install.n8nBin));
				// eslint-disable-next-line @typescript-eslint/no-var-requires
				const flatted = require(require.resolve('flatted', { paths: [n8nPackageDir] }));
				const data = typeof exec.data === 'string' ? flatted.parse(exec.data) : exec.data;
				return { executionId: String(executionId), status: exec.status, execution: { status: exec.status, finished: exec.finished, data } };
			}
			if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish within ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 300));
		}
	}

	/**
	 * `/types/<kind>.json`, the files the editor loads. n8n writes them to its static cache after
	 * the server already answers, so a 404 right after start-up is retried for a while.
	 */
	private async typesFile(kind: 'nodes' | 'credentials') {
		const deadline = Date.now() + 90_000;
		for (;;) {
			const res = await this.rest<any[]>('GET', `/types/${kind}.json`);
			if (res.status !== 404 || Date.now() > deadline) return res;
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	/** The node types the server has loaded (the editor's node list), by type name. */
	async nodeTypes(): Promise<Map<string, any[]>> {
		const res = await this.typesFile('nodes');
		if (res.status !== 200 || !Array.isArray(res.body)) {
			throw new Error(`/types/nodes.json answered ${res.status}: ${String(res.body).slice(0, 300)}`);
		}
		const byName = new Map<string, any[]>();
		for (const t of res.body) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
		return byName;
	}

	/** The credential types the server has loaded. */
	async credentialTypes(): Promise<any[]> {
		const res = await this.typesFile('credentials');
		if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`/types/credentials.json answered ${res.status}`);
		return res.body;
	}

	/**
	 * Runs SQL against the instance's SQLite database with the sqlite3 module n8n itself uses
	 * (built for this install's Node), so no extra client is needed. Read-only use.
	 */
	async sql<T = Record<string, unknown>>(query: string): Promise<T[]> {
		const n8nPackageDir = dirname(dirname(this.install.n8nBin));
		const script = `
			const sqlite3 = require(require.resolve('sqlite3', { paths: [${JSON.stringify(n8nPackageDir)}] }));
			const db = new sqlite3.Database(${JSON.stringify(this.databaseFile)}, sqlite3.OPEN_READONLY);
			db.all(${JSON.stringify(query)}, (err, rows) => {
				if (err) { console.error(err.message); process.exit(1); }
				process.stdout.write(JSON.stringify(rows));
				db.close();
			});`;
		return await new Promise((resolve, reject) => {
			const child = spawn(this.install.node, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
			let out = '';
			let err = '';
			child.stdout.on('data', (d) => (out += d));
			child.stderr.on('data', (d) => (err += d));
			child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out || '[]')) : reject(new Error(`sql failed: ${err}`))));
		});
	}

	/** Parses a stored execution (`execution_data.data`, n8n's "flatted" format) with n8n's own flatted. */
	async storedExecution(executionId: number | string): Promise<{ raw: string; data: any }> {
		const [row] = await this.sql<{ data: string }>(`select data from execution_data where executionId = ${Number(executionId)}`);
		if (!row) throw new Error(`no execution_data for execution ${executionId}`);
		const n8nPackageDir = dirname(dirname(this.install.n8nBin));
		// eslint-disable-next-line @typescript-eslint/no-var-requires
		const flatted = require(require.resolve('flatted', { paths: [n8nPackageDir] }));
		return { raw: row.data, data: flatted.parse(row.data) };
	}
}

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@example.com',
	firstName: 'Etop',
	lastName: 'Tester',
	password: 'Etop-e2e-Passw0rd',
};

/**
 * `n8n execute --rawOutput` prints the execution as pretty JSON (2-space indent), with log lines
 * of the task runner and others possibly before and after it: the block from a line "{" to a
 * line "}" that parses, with a `data.resultData`, is the execution.
 */
export function parseRawOutput(stdout: string): RawExecution | undefined {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		for (let k = i + 1; k < lines.length; k++) {
			if (lines[k] !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(i, k + 1).join('\n'));
				if (parsed?.data?.resultData) return parsed as RawExecution;
			} catch {
				// not the end yet
			}
		}
	}
	return undefined;
}

/**
 * The items a node put on an output, over all its runs (a node fed by two branches runs once per
 * branch in n8n's v1 execution order).
 */
export function outputItems(execution: RawExecution | undefined, node: string, output = 0): RawItem[] {
	return (execution?.data.resultData.runData[node] ?? []).flatMap((task) => task?.data?.main?.[output] ?? []);
}
