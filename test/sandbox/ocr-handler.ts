import { createHash } from 'crypto';
import { IncomingMessage, ServerResponse } from 'http';
import { productOf } from './catalogue';
import { ErrorCode, RECOGNITION_CODES } from './error-codes';
import { answerFault } from './fault-answer';
import { badRequestPage, tooLargePage } from './html-pages';
import { decodeBase64, loadImage } from './image-source';
import { findMarkers } from './markers';
import { readBody } from './read-body';
import { decide, renderData } from './recognize';
import { failureBody, successBody } from './envelope';
import { PathProfile, ResolvedProfile, resolveProfile } from './profile';
import { JsonObject, RenderContext, Timing } from './render-common';
import { RequestInput, recordedFields } from './request-input';
import { sendHtml, sendJson } from './respond';
import { SandboxState } from './state';
import { RecordedCall } from './types';
import { checkAccount, checkOptions, checkProduct, checkQuota, isRejection, pickSource, RecognitionOptions } from './validate';

// One recognition call, from arrival to answer:
//   count it in flight -> read the body (413 / 400 pages) -> the service's profile (dialect, upload field;
//   profile.ts) -> maxConcurrent (-52) -> injected fault -> rules (validate.ts order) -> decide -> bill
//   -> latency -> render -> record and answer.

function requestKey(input: RequestInput): string {
	const requestId = input.fields.get('requestId');
	if (requestId) return `requestId:${requestId}`;
	const file = input.fields.get('file') ?? input.fields.get('filedata');
	const bytes = file ? (decodeBase64(file) ?? Buffer.from(file)) : (input.mfile?.data ?? Buffer.from(input.fields.get('urlPath') ?? ''));
	return `sha1:${createHash('sha1').update(bytes).digest('hex')}`;
}

const DEFAULT_OPTIONS = checkOptions(new Map()) as RecognitionOptions;

/** A plausible success body for faults that mangle one (truncated, wrongContentType). */
function normalBody(input: RequestInput, profile: ResolvedProfile, startedAt: number, seq: number): JsonObject {
	const product = productOf(Number(input.fields.get('pid'))) ?? productOf(1)!;
	const ctx: RenderContext = { product, options: DEFAULT_OPTIONS, markers: { quality: new Set() }, dialect: profile.dialect, crops: profile.alwaysCrops };
	return successBody(renderData(ctx), ctx, { startedAt, recognitionStartedAt: startedAt, responseId: String(2_000_000 + seq), seq });
}

export async function handleOcr(req: IncomingMessage, res: ServerResponse, state: SandboxState, route: PathProfile): Promise<void> {
	const path = route.path;
	const startedAt = Date.now();
	const seq = ++state.seq;
	state.enter();
	let inFlight = true;
	res.on('close', () => {
		if (inFlight) state.leave();
		inFlight = false;
	});
	const overLimit = state.maxConcurrent !== undefined && state.inFlight > state.maxConcurrent;

	const body = await readBody(req);
	if (body.kind === 'aborted') return;
	const call: RecordedCall = {
		seq,
		path,
		contentType: req.headers['content-type'] ?? '',
		encoding: body.kind === 'ok' ? body.input.encoding : body.encoding,
		fields: {},
		imageSource: null,
		imageBytes: 0,
		rawBodyBytes: body.rawBodyBytes,
		errorCode: null,
		billed: false,
		startedAt,
		endedAt: startedAt,
	};
	const record = (): void => {
		call.endedAt = Date.now();
		state.calls.push(call);
	};
	if (body.kind === 'tooLarge') {
		record();
		return sendHtml(res, 413, tooLargePage(), { Connection: 'close' });
	}
	if (body.kind === 'malformed') {
		record();
		return sendHtml(res, 400, badRequestPage(body.reason));
	}

	const input = body.input;
	call.fields = recordedFields(input);
	// The account named by `key` chooses how its service answers, whether or not the secret is right.
	const profile = resolveProfile(route, state.profile, state.accounts.find((a) => a.key === input.fields.get('key')));
	const picked = pickSource(input, profile.uploadField);
	if (!isRejection(picked)) call.imageSource = picked;
	if (input.mfile?.filename !== undefined) call.mfileName = input.mfile.filename;
	if (input.mfile?.contentType !== undefined) call.mfileType = input.mfile.contentType;
	if (input.mfile && picked === 'mfile') call.imageBytes = input.mfile.data.length;

	const reply = (code: ErrorCode, detail?: string): void => {
		call.errorCode = code;
		record();
		sendJson(res, failureBody(code, detail, profile.dialect));
	};

	if (overLimit) return reply('-52', `超过最大并发数${state.maxConcurrent}`);

	const fault = state.faults.take(requestKey(input));
	if (fault) {
		call.fault = fault.kind;
		if (fault.kind !== 'slow') {
			record();
			return answerFault(res, fault, profile.dialect, () => normalBody(input, profile, startedAt, seq));
		}
		await state.sleep(fault.delayMs ?? 1000);
	}

	const account = checkAccount(input.fields, state.accounts);
	if (isRejection(account)) return reply(account.code, account.detail);
	const product = checkProduct(input.fields, account);
	if (isRejection(product)) return reply(product.code, product.detail);
	const noQuota = checkQuota(account);
	if (noQuota) return reply(noQuota.code, noQuota.detail);
	if (isRejection(picked)) return reply(picked.code, picked.detail);
	const loaded = await loadImage(picked, input, state.downloadTimeoutMs);
	if ('rejection' in loaded) {
		call.imageBytes = loaded.imageBytes;
		return reply(loaded.rejection.code, loaded.rejection.detail);
	}
	call.imageBytes = loaded.image.length;
	const options = checkOptions(input.fields);
	if (isRejection(options)) return reply(options.code, options.detail);

	const markers = findMarkers(loaded.pixels ? Buffer.concat([loaded.image, loaded.pixels]) : loaded.image);
	const crops = !options.removeImgData || profile.alwaysCrops || markers.alwaysCrops === true;
	const ctx: RenderContext = { product, options, markers, dialect: profile.dialect, crops };
	const recognitionStartedAt = Date.now();
	const outcome = decide(ctx);
	if (RECOGNITION_CODES.has(outcome.code)) {
		// Re-checked here: a concurrent call may have used the last unit while this one was loading its image.
		const late = checkQuota(account);
		if (late) return reply(late.code, late.detail);
		if (account.remainingCalls !== undefined) account.remainingCalls--;
		call.billed = true;
	}
	await state.sleep(state.latencyMs);
	const timing: Timing = { startedAt, recognitionStartedAt, responseId: String(2_000_000 + seq), seq };
	const answer =
		outcome.code === '0'
			? successBody(renderData(ctx), ctx, timing)
			: failureBody(outcome.code, outcome.detail, profile.dialect, options.requestId, timing);
	call.errorCode = outcome.code;
	record();
	sendJson(res, answer);
}
