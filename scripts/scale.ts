/**
 * `npm run test:scale`: one ETOP account under n8n's queue mode (docs/running-at-scale.md).
 *
 *   npm run test:scale
 *   npm run test:scale -- --executions 20 --images 10 --latency 200 --service-limit 5 --worker-concurrency 10 --workers 2
 *   npm run test:scale -- --skip old,filesystem      # only the new limiter in database mode
 *
 * Real Redis and PostgreSQL (Debian's redis-server and postgresql, started here on loopback and
 * stopped at the end), n8n 2.x main + workers (EXECUTIONS_MODE=queue) running the packed package,
 * the sandbox serving `service-limit` calls at once (-52 beyond). `executions` webhook uploads of
 * `images` images each are posted at once; printed per setup: items failed, calls per image, -52
 * answers, the most calls the account had in flight, wall time against the ideal.
 * Setups: the new account limiter and the old per-run one (the revision before it, see
 * test/scale/oldRevision.ts) with binary data in database mode (queue mode's default); the new
 * one with filesystem mode on a shared path; and filesystem mode without one, where every item
 * must fail with the error that names the n8n setting to change.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { makePng } from '../test/fixtures/images';
import { ensureN8n, type N8nInstall } from '../test/e2e/lib/install';
import { N8nInstance } from '../test/e2e/lib/n8n';
import { buildAndPack, installLikeCommunityNodes } from '../test/e2e/lib/pack';
import { CREDENTIAL_TYPE, REPO } from '../test/e2e/lib/paths';
import { E2E_CREDENTIALS } from '../test/e2e/lib/workflows';
import { SANDBOX_KEY, SANDBOX_SECRET, startSandbox, type Sandbox } from '../test/sandbox/server';
import { checkoutRevision, revisionBeforeAccountLimiter } from '../test/scale/oldRevision';
import { startPostgres, startRedis, type Service } from '../test/scale/services';
import { requestIdOf, SCALE_WEBHOOK_PATH, SCALE_WORKFLOW_ID, scaleWorkflow } from '../test/scale/workflow';

interface Settings {
	executions: number;
	images: number;
	latency: number;
	serviceLimit: number;
	workers: number;
	workerConcurrency: number;
	skip: string[];
}

function readSettings(argv: string[]): Settings {
	const settings: Settings = { executions: 20, images: 10, latency: 200, serviceLimit: 5, workers: 2, workerConcurrency: 10, skip: [] };
	for (let index = 0; index < argv.length; index++) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[index]);
		if (!match) throw new Error(`unknown argument ${argv[index]}`);
		const value = match[2] ?? argv[++index] ?? '';
		const name = match[1].replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof Settings;
		if (name === 'skip') settings.skip = value.split(',').filter(Boolean);
		else if (name in settings && Number.isInteger(Number(value)) && Number(value) > 0) (settings[name] as number) = Number(value);
		else throw new Error(`--${match[1]} needs a whole number > 0 (got "${value}")`);
	}
	return settings;
}

const say = (message: string) => process.stdout.write(`[scale] ${message}\n`);

const WORK = join(REPO, '.tmp', 'scale');

interface Setup {
	label: string;
	tarball: string;
	/** n8n's binary data settings for every process. */
	binary: { mode: 'database' | 'filesystem'; sharedPath?: string };
	/** Uploads × images of this setup (the no-shared-storage check needs only a few). */
	executions: number;
	images: number;
	/** Every item must fail with the "binary on another machine" error. */
	expectLostBinaries?: boolean;
}

interface Measured {
	setup: Setup;
	images: number;
	ok: number;
	failed: number;
	/** Items whose answer is not their own image's (a wrong requestId). */
	mixedUp: number;
	calls: number;
	busy: number;
	peakInFlight: number;
	wallMs: number;
	failures: string[];
}

/** The n8n processes of one setup: main (webhooks, enqueues) and workers (run the executions). */
class QueueModeN8n {
	private constructor(
		readonly main: N8nInstance,
		readonly workers: N8nInstance[],
	) {}

	static async create(install: N8nInstall, root: string, env: Record<string, string>, settings: Settings): Promise<QueueModeN8n> {
		// Each process its own user folder, as on separate machines (so filesystem binary data is
		// not shared unless a path is given), its own broker port, one database and key.
		const instance = async (name: string, extra: Record<string, string> = {}) =>
			await N8nInstance.create(install, { userFolder: join(root, name), logDir: join(root, 'logs', name), env: { ...env, ...extra } });
		const main = await instance('main');
		const workers: N8nInstance[] = [];
		for (let index = 0; index < settings.workers; index++) {
			const worker = await instance(`worker${index + 1}`);
			// A worker listens only for its health check, on the port given to its instance.
			worker.options.env = { ...worker.options.env, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(worker.port) };
			workers.push(worker);
		}
		return new QueueModeN8n(main, workers);
	}

	get all(): N8nInstance[] {
		return [this.main, ...this.workers];
	}

	install(tarball: string): void {
		for (const n8n of this.all) installLikeCommunityNodes(n8n.options.userFolder, tarball, process.env);
	}

	async start(settings: Settings): Promise<void> {
		await this.main.start();
		await Promise.all(
			this.workers.map(async (worker) =>
				await worker.start({
					args: ['worker', `--concurrency=${settings.workerConcurrency}`],
					isReady: async () => (await fetch(`${worker.baseUrl}/healthz`)).ok,
				}),
			),
		);
	}

	async stop(): Promise<void> {
		await Promise.all(this.all.map(async (n8n) => await n8n.stop()));
	}
}

/** One upload: `images` PNGs as form fields image0…, tagged `run`; resolves with the webhook's answer. */
async function upload(url: string, run: string, images: Buffer[]): Promise<{ status: number; items: Array<Record<string, unknown>> }> {
	const form = new FormData();
	images.forEach((image, index) => form.append(`image${index}`, new Blob([new Uint8Array(image)], { type: 'image/png' }), `scan-${index}.png`));
	const response = await fetch(`${url}?run=${encodeURIComponent(run)}`, { method: 'POST', body: form, signal: AbortSignal.timeout(15 * 60_000) });
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	const items = Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
	if (!Array.isArray(parsed)) say(`upload ${run}: HTTP ${response.status}, answer ${text.slice(0, 300)}`);
	return { status: response.status, items };
}

async function measure(n8n: QueueModeN8n, sandbox: Sandbox, setup: Setup): Promise<Measured> {
	const url = `${n8n.main.baseUrl}/webhook/${SCALE_WEBHOOK_PATH}`;
	const images = Array.from({ length: setup.images }, () => makePng({ marker: 'ETOP-SANDBOX:DOC=2' }));
	// One upload first, so that every worker has loaded the node and the webhook answers; its
	// calls are not counted (the account is idle afterwards, so its limiter starts fresh).
	await upload(url, 'warm-up', images.slice(0, 1));
	sandbox.reset();
	const runs = Array.from({ length: setup.executions }, (_, index) => `run${index}`);
	const started = performance.now();
	const answers = await Promise.all(runs.map(async (run) => await upload(url, run, images)));
	const wallMs = performance.now() - started;
	let ok = 0;
	let failed = 0;
	let mixedUp = 0;
	const failures: string[] = [];
	answers.forEach((answer, runIndex) => {
		const items = answer.items;
		for (let index = 0; index < setup.images; index++) {
			const item = items[index];
			const error = item?.error;
			if (!item || error !== undefined) {
				failed++;
				// The node's error item is { error: { message, hint, … } }.
				const message = error !== null && typeof error === 'object' ? (error as { message?: unknown }).message : error;
				failures.push(item ? String(message) : `no item (HTTP ${answer.status})`);
				continue;
			}
			const meta = item.meta as Record<string, unknown> | undefined;
			if (meta?.requestId === requestIdOf(runs[runIndex], index)) ok++;
			else mixedUp++;
		}
	});
	const calls = sandbox.calls;
	return {
		setup,
		images: setup.executions * setup.images,
		ok,
		failed,
		mixedUp,
		calls: calls.length,
		busy: calls.filter((call) => call.errorCode === '-52').length,
		peakInFlight: sandbox.peakInFlight,
		wallMs,
		failures,
	};
}

function table(rows: Measured[], settings: Settings): void {
	const idealMs = (calls: number) => (calls * settings.latency) / settings.serviceLimit;
	const head = ['setup', 'images', 'ok', 'failed', 'calls', 'calls/image', '-52', 'max in flight', 'wall s', 'ideal s', 'wall/ideal'];
	const lines = rows.map((row) => [
		row.setup.label,
		String(row.images),
		String(row.ok),
		String(row.failed + row.mixedUp),
		String(row.calls),
		(row.calls / row.images).toFixed(2),
		String(row.busy),
		String(row.peakInFlight),
		(row.wallMs / 1000).toFixed(1),
		(idealMs(row.calls) / 1000).toFixed(1),
		(row.wallMs / idealMs(row.calls)).toFixed(2),
	]);
	process.stdout.write(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n`);
	for (const line of lines) process.stdout.write(`| ${line.join(' | ')} |\n`);
	process.stdout.write(
		`\n${settings.workers} workers × --concurrency=${settings.workerConcurrency}, a service serving ${settings.serviceLimit} calls at once with ${settings.latency} ms per call; ` +
			`ideal = calls × ${settings.latency} ms / ${settings.serviceLimit} (wall time if the service were never idle and never refused a call).\n`,
	);
}

async function main(): Promise<void> {
	const settings = readSettings(process.argv.slice(2));
	rmSync(WORK, { recursive: true, force: true });
	mkdirSync(WORK, { recursive: true });
	const install = ensureN8n(2);
	say(`n8n ${install.n8n} on Node ${install.nodeVersion}`);
	const tarball = buildAndPack(join(WORK, 'package-new'));
	say(`packed ${tarball}`);
	const setups: Setup[] = [{ label: 'new: account limiter, binary data in database', tarball, binary: { mode: 'database' }, executions: settings.executions, images: settings.images }];
	if (!settings.skip.includes('old')) {
		const revision = revisionBeforeAccountLimiter();
		const oldTree = checkoutRevision(revision, join(WORK, 'old-tree'));
		const oldTarball = buildAndPack(join(WORK, 'package-old'), { repo: oldTree });
		say(`old per-run limiter: ${revision.slice(0, 10)} packed as ${oldTarball}`);
		setups.push({ label: `old: per-run limiter (${revision.slice(0, 7)}), database`, tarball: oldTarball, binary: { mode: 'database' }, executions: settings.executions, images: settings.images });
	}
	if (!settings.skip.includes('filesystem')) {
		const sharedPath = join(WORK, 'shared-binary-data');
		setups.push({ label: 'new: filesystem, shared N8N_BINARY_DATA_STORAGE_PATH', tarball, binary: { mode: 'filesystem', sharedPath }, executions: settings.executions, images: settings.images });
		setups.push({ label: 'new: filesystem, no shared storage', tarball, binary: { mode: 'filesystem' }, executions: 2, images: 2, expectLostBinaries: true });
	}

	const services: Service[] = [];
	const sandbox = await startSandbox({ latencyMs: settings.latency, maxConcurrent: settings.serviceLimit });
	const rows: Measured[] = [];
	let problems = 0;
	try {
		const redis = await startRedis(join(WORK, 'redis'));
		services.push(redis);
		const postgres = await startPostgres(join(WORK, 'postgres'));
		services.push(postgres);
		say(`redis on 127.0.0.1:${redis.port}, postgres on 127.0.0.1:${postgres.port}, sandbox ${sandbox.endpoint}`);
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			N8N_LOG_LEVEL: 'warn',
		};
		let imported = false;
		for (const setup of setups) {
			const binaryEnv: Record<string, string> = { N8N_DEFAULT_BINARY_DATA_MODE: setup.binary.mode };
			if (setup.binary.sharedPath) {
				mkdirSync(setup.binary.sharedPath, { recursive: true });
				binaryEnv.N8N_BINARY_DATA_STORAGE_PATH = setup.binary.sharedPath;
			}
			const root = join(WORK, setup.label.replace(/[^\w]+/g, '-').slice(0, 60));
			const n8n = await QueueModeN8n.create(install, root, { ...queueEnv, ...binaryEnv }, settings);
			n8n.install(setup.tarball);
			if (!imported) {
				await n8n.main.importCredentials([
					{ ...E2E_CREDENTIALS.etopOcrApi, type: CREDENTIAL_TYPE, data: { apiKey: SANDBOX_KEY, secret: SANDBOX_SECRET, endpoint: sandbox.endpoint } },
				]);
				await n8n.main.importWorkflows([scaleWorkflow()]);
				await n8n.main.cliOk(['publish:workflow', `--id=${SCALE_WORKFLOW_ID}`]);
				imported = true;
			}
			say(`${setup.label}: starting main + ${settings.workers} workers`);
			await n8n.start(settings);
			try {
				const row = await measure(n8n, sandbox, setup);
				rows.push(row);
				say(`${setup.label}: ${row.ok} ok, ${row.failed} failed, ${row.mixedUp} mixed up, ${row.calls} calls, ${Math.round(row.wallMs)} ms`);
				if (setup.expectLostBinaries) {
					const named = row.failures.filter((message) => message.includes('is not in this n8n process')).length;
					if (row.failed !== row.images || named !== row.images || row.calls !== 0) {
						problems++;
						say(`PROBLEM: without shared storage every item should fail unsent with the binary-data error; got: ${row.failures.slice(0, 3).join(' | ')}`);
					} else say(`every item failed unsent with: ${row.failures[0]}`);
				} else if (row.setup.label.startsWith('new') && (row.failed > 0 || row.mixedUp > 0)) {
					problems++;
					say(`PROBLEM: failed items: ${row.failures.slice(0, 5).join(' | ')}`);
				}
			} finally {
				await n8n.stop();
			}
		}
	} finally {
		await sandbox.close();
		for (const service of services.reverse()) await service.stop();
	}
	table(rows.filter((row) => !row.setup.expectLostBinaries), settings);
	say(`logs of every n8n process: ${WORK}/*/logs`);
	process.exit(problems ? 1 : 0);
}

main().catch((error: unknown) => {
	process.stderr.write(`[scale] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
