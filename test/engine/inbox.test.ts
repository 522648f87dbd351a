import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { makeJpeg, makePng } from '../fixtures/images';
import { makeDigitalPdf, makePdf, scanJpeg } from '../fixtures/pdf';
import { cardSamples, flate, g4, pngRows, samplesDict, stripedPage } from '../fixtures/pdf-images';
import type { InputItem } from '../harness/inputNode';
import { expectNoCredentials, run, useSandbox } from './context';

// The inbox case through n8n's real engine: one email item with several attachments, scanned PDFs,
// files that are not images, images already read, and the run's cost summary — each checked
// against what the sandbox received.

const { sandbox, credentials } = useSandbox();

/** Every test uses its own images, so that Skip Images Already Read in one test cannot touch another. */
let serial = 0;
const marker = () => `ETOP-SANDBOX:DOC=2\nn=${serial++}-${Math.random()}`;

type Attachment = { data: Buffer; fileName: string; mimeType: string };

function emailAttachments() {
	const front = makeJpeg({ marker: marker() });
	const back = makePng({ marker: marker() });
	const page1 = scanJpeg(100, 140, marker());
	const page2 = scanJpeg(120, 170, marker(), 30_000);
	const pdf = makePdf([{ jpeg: page1 }, { jpeg: page2 }], { xref: 'stream', compressContent: true });
	const signature = Buffer.from('Best regards,\nWang Xiaoming\n');
	const binary: Record<string, Attachment> = {
		attachment_0: { data: front, fileName: 'front.jpg', mimeType: 'image/jpeg' },
		attachment_1: { data: back, fileName: 'back.png', mimeType: 'image/png' },
		attachment_2: { data: pdf, fileName: 'scan.pdf', mimeType: 'application/pdf' },
		attachment_3: { data: signature, fileName: 'signature.txt', mimeType: 'text/plain' },
	};
	return { binary, images: [front, back, page1, page2] };
}

const email = (binary: Record<string, Attachment>, subject = 'Scans for onboarding'): InputItem => ({
	json: { subject, from: 'alice@example.com' },
	binary,
});

const meta = (item: INodeExecutionData) => (item.json.meta ?? {}) as IDataObject;
/** An error item's details (output/errorItem.ts), or undefined for any other item. */
const failure = (item: INodeExecutionData) => item.json.error as IDataObject | undefined;

const INBOX = { documentType: '2', binaryPropertyName: 'attachment_*' };

describe('one email, several attachments', () => {
	it('two images, a PDF of two JPEG pages and a text file: one item per image, each paired and named, one call each', async () => {
		const { binary, images } = emailAttachments();
		const result = await run(credentials(), { ...INBOX, options: { nonImageFiles: 'skip' } }, [email(binary)]);
		expect(result.error).toBeUndefined();
		const items = result.outputs[0];
		expect(items).toHaveLength(5);
		expect(items.map((item) => item.pairedItem)).toEqual(items.map(() => ({ item: 0 })));
		expect(items.map((item) => [meta(item).binaryName, meta(item).fileName, meta(item).page ?? null])).toEqual([
			['attachment_0', 'front.jpg', null],
			['attachment_1', 'back.png', null],
			['attachment_2', 'scan.pdf', 1],
			['attachment_2', 'scan.pdf', 2],
			['attachment_3', 'signature.txt', null],
		]);
		expect(items.map((item) => meta(item).mimeType)).toEqual(['image/jpeg', 'image/png', 'application/pdf', 'application/pdf', 'text/plain']);
		expect(items.map((item) => meta(item).fileSize)).toEqual([...Object.values(binary).map((file) => file.data.length)].flatMap((size, index) => (index === 2 ? [size, size] : [size])));
		expect(meta(items[2]).pageCount).toBe(2);
		// The images were recognised; the text file was skipped with its reason and no fields.
		for (const item of items.slice(0, 4)) expect(meta(item).documentType).toBeDefined();
		expect(items[4].json).toEqual({ meta: expect.objectContaining({ skipped: true, skipReason: expect.stringMatching(/signature\.txt|attachment_3/) }) });
		expect(meta(items[4]).skipReason).toMatch(/not an image/);
		// The sandbox got the four images, in order, the PDF's pages exactly as stored in the PDF.
		const calls = sandbox().calls;
		expect(calls.map((call) => call.imageBytes)).toEqual(images.map((image) => image.length));
		expect(calls.every((call) => call.errorCode === '0')).toBe(true);
		expect(meta(items[4]).runSummary).toEqual({ callsSent: 4, possiblyBilled: 4, retried: 0, skippedAlreadyRead: 0, refusedLocally: 1 });
		expectNoCredentials(result, credentials());
	});

	it('with error items, the text file is an error item paired with its email, the other files of both emails are read', async () => {
		const first = emailAttachments();
		const second = emailAttachments();
		const result = await run(credentials(), INBOX, [email(first.binary, 'first'), email(second.binary, 'second')], 'continueRegularOutput');
		const items = result.outputs[0];
		expect(items).toHaveLength(10);
		expect(items.map((item) => item.pairedItem)).toEqual([...Array(5).fill({ item: 0 }), ...Array(5).fill({ item: 1 })]);
		const errors = items.filter((item) => failure(item));
		expect(errors).toHaveLength(2);
		expect(errors.map((item) => failure(item)?.message)).toEqual([expect.stringMatching(/attachment_3.*not an image/), expect.stringMatching(/attachment_3.*not an image/)]);
		// The error item names its file, as results do.
		expect(errors.map((item) => [failure(item)?.binaryName, failure(item)?.fileName, failure(item)?.code, failure(item)?.attempts])).toEqual([
			['attachment_3', 'signature.txt', 'INPUT', 0],
			['attachment_3', 'signature.txt', 'INPUT', 0],
		]);
		expect(sandbox().calls).toHaveLength(8);
	});

	it('stop on error: a file that is not an image stops the node before any call', async () => {
		const { binary } = emailAttachments();
		const result = await run(credentials(), INBOX, [email(binary)]);
		expect(result.error?.message).toMatch(/attachment_3.*not an image/);
		expect(sandbox().calls).toHaveLength(0);
	});

	it('a list of names keeps its order; a name the item lacks is refused on its own', async () => {
		const { binary } = emailAttachments();
		const result = await run(credentials(), { documentType: '2', binaryPropertyName: 'attachment_1, attachment_0, back', options: { nonImageFiles: 'skip' } }, [email(binary)]);
		const items = result.outputs[0];
		expect(items.map((item) => meta(item).binaryName)).toEqual(['attachment_1', 'attachment_0', 'back']);
		expect(meta(items[2])).toMatchObject({ skipped: true, skipReason: expect.stringMatching(/no binary field "back"/) });
		expect(sandbox().calls).toHaveLength(2);
	});

	it('with Simplify off, each raw answer keeps its members and gets meta with where its image came from', async () => {
		const { binary } = emailAttachments();
		const result = await run(credentials(), { ...INBOX, binaryPropertyName: 'attachment_0, attachment_2', simplify: false }, [email(binary)]);
		const items = result.outputs[0];
		expect(items.map((item) => [meta(item).binaryName, meta(item).fileName, meta(item).page ?? null, meta(item).pageCount ?? null])).toEqual([
			['attachment_0', 'front.jpg', null, null],
			['attachment_2', 'scan.pdf', 1, 2],
			['attachment_2', 'scan.pdf', 2, 2],
		]);
		for (const item of items) expect(item.json).toMatchObject({ ErrorCode: 0, ResultList: expect.any(Array) });
		expect(meta(items[2]).runSummary).toMatchObject({ callsSent: 3 });
	});

	it('Include Input Binary: each item carries the attachment it was read from (the whole PDF for a page), not the others', async () => {
		const { binary } = emailAttachments();
		const result = await run(credentials(), { ...INBOX, options: { nonImageFiles: 'skip', includeInputBinary: true } }, [email(binary)], 'continueRegularOutput');
		const items = result.outputs[0];
		expect(items.slice(0, 4).map((item) => Object.keys(item.binary ?? {}))).toEqual([['attachment_0'], ['attachment_1'], ['attachment_2'], ['attachment_2']]);
		expect(items.slice(0, 4).map((item) => item.binary?.[String(meta(item).binaryName)]?.fileName)).toEqual(['front.jpg', 'back.png', 'scan.pdf', 'scan.pdf']);
		// An error item of one attachment carries that attachment.
		const refused = await run(credentials(), { ...INBOX, options: { includeInputBinary: true } }, [email(binary)], 'continueRegularOutput');
		const failed = refused.outputs[0].find((item) => failure(item));
		expect(failure(failed!)?.binaryName).toBe('attachment_3');
		expect(Object.keys(failed!.binary ?? {})).toEqual(['attachment_3']);
	});

	it('an error of the whole item with a pattern names the fields and files the pattern matched', async () => {
		const { binary } = emailAttachments();
		const result = await run(credentials(), { ...INBOX, options: { maxConcurrency: 0 } }, [email(binary)], 'continueRegularOutput');
		expect(result.outputs[0]).toHaveLength(1);
		expect(failure(result.outputs[0][0])).toMatchObject({
			code: 'INPUT',
			binaryName: 'attachment_0, attachment_1, attachment_2, attachment_3',
			fileName: 'front.jpg, back.png, scan.pdf, signature.txt',
		});
	});

	it('nothing matches at all: one clear error for the item', async () => {
		const { binary } = emailAttachments();
		const result = await run(credentials(), { documentType: '2', binaryPropertyName: 'scan_*' }, [email(binary)], 'continueRegularOutput');
		expect(result.outputs[0]).toHaveLength(1);
		expect(failure(result.outputs[0][0])?.message).toMatch(/no binary field matches Input Binary Fields "scan_\*"/i);
		expect(failure(result.outputs[0][0])?.hint).toMatch(/attachment_0/);
		expect(sandbox().calls).toHaveLength(0);
	});
});

describe('scanned PDFs through the engine', () => {
	const scan = () => scanJpeg(90, 130, marker());

	interface Row {
		name: string;
		pdf: () => Buffer;
		/** How each page (or the whole PDF) ends: 'result' or an error message pattern. */
		outcome: Array<'result' | RegExp>;
		options?: IDataObject;
		uploadMethod?: 'file' | 'mfile';
	}

	const rows: Row[] = [
		{ name: 'one JPEG page, classic xref', pdf: () => makePdf([{ jpeg: scan() }]), outcome: ['result'] },
		{ name: 'three pages of different sizes, object streams', pdf: () => makePdf([{ jpeg: scan() }, { jpeg: scanJpeg(140, 200, marker(), 200_000) }, { jpeg: scanJpeg(60, 80, marker()) }], { objectStreams: true, compressContent: true }), outcome: ['result', 'result', 'result'] },
		{ name: 'a searchable scan (image + text layer)', pdf: () => makePdf([{ jpeg: scan(), text: 'ID card 330106199004221234' }], { compressContent: true }), outcome: ['result'] },
		{ name: 'a damaged xref table', pdf: () => makePdf([{ jpeg: scan() }], { wrongOffsets: true }), outcome: ['result'] },
		{ name: 'a digital PDF', pdf: () => makeDigitalPdf(['Invoice 2026-001']), outcome: [/digital document.*\n?.*|digital/] },
		{ name: 'a mixed PDF (scan + digital page)', pdf: () => makePdf([{ jpeg: scan() }, { text: 'Terms' }]), outcome: ['result', /page 2 holds text but no scanned image/] },
		{ name: 'an encrypted PDF', pdf: () => makePdf([{ jpeg: scan() }], { encrypt: true }), outcome: [/encrypted/] },
		{ name: 'a broken PDF', pdf: () => Buffer.from('%PDF-1.7\n%broken upload\n'), outcome: [/damaged/] },
		{ name: 'more pages than Max PDF Pages', pdf: () => makePdf([{ jpeg: scan() }, { jpeg: scan() }, { jpeg: scan() }]), outcome: [/3 pages, more than Max PDF Pages \(2\)/], options: { maxPdfPages: 2 } },
		{ name: 'a page over the 5 MB limit as base64', pdf: () => makePdf([{ jpeg: scan() }, { jpeg: scanJpeg(90, 130, marker(), 4_500_000) }]), outcome: ['result', /page 2 of the PDF.*over ETOP's limit/] },
		{ name: 'the same page as a multipart upload (5 MB of file allowed)', pdf: () => makePdf([{ jpeg: scanJpeg(90, 130, marker(), 4_500_000) }]), outcome: ['result'], uploadMethod: 'mfile' },
	];

	it.each(rows)('$name', async ({ pdf, outcome, options, uploadMethod }) => {
		const file = pdf();
		const parameters = { documentType: '2', options: { uploadMethod: uploadMethod ?? 'file', ...options } };
		const result = await run(credentials(), parameters, [{ json: {}, binary: { data: { data: file, fileName: 'in.pdf', mimeType: 'application/pdf' } } }], 'continueRegularOutput');
		const items = result.outputs[0];
		expect(items.map((item) => (failure(item) ? failure(item)?.message : 'result'))).toEqual(outcome.map((expected) => (expected === 'result' ? 'result' : expect.stringMatching(expected))));
		expect(items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		expect(sandbox().calls).toHaveLength(outcome.filter((expected) => expected === 'result').length);
		const digital = items.find((item) => /digital/.test(String(failure(item)?.message ?? '')));
		if (digital) expect(failure(digital)?.hint).toMatch(/Extract From File/);
		for (const item of items.filter((one) => failure(one))) expect(failure(item)).toMatchObject({ code: 'INPUT', binaryName: 'data', fileName: 'in.pdf', attempts: 0 });
	});

	it('pages stored as Flate pixels, CCITT fax and JPEG: a PNG, a TIFF and the JPEG reach the sandbox, which decodes them', async () => {
		// The grey page's first row carries the sandbox marker, so the sandbox finds it only in the decoded PNG.
		const grey = cardSamples(400, 60, 'grey', 8, 'ETOP-SANDBOX:RESULT=19');
		const bilevel = cardSamples(90, 60, 'grey', 1);
		const fax = g4(stripedPage(40));
		const jpeg = scan();
		const pdf = makePdf([
			{ image: { width: 400, height: 60, dict: `${samplesDict(grey)} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 400 >>`, data: flate(pngRows(grey)) } },
			{ image: { width: 90, height: 60, dict: '/ImageMask true /Filter /FlateDecode', data: flate(bilevel.data) } },
			{ image: { width: 64, height: 40, dict: '/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 64 >>', data: fax } },
			{ jpeg },
		]);
		for (const uploadMethod of ['file', 'mfile']) {
			sandbox().reset();
			const file = { data: pdf, fileName: 'scan.pdf', mimeType: 'application/pdf' };
			const result = await run(credentials(), { documentType: '2', options: { uploadMethod } }, [{ json: {}, binary: { data: file } }], 'continueRegularOutput');
			const items = result.outputs[0];
			// Page 1 failed with the code its marker asks for: the sandbox found the marker in the PNG's decoded pixels.
			expect(items.map((item) => failure(item)?.page ?? meta(item).page)).toEqual([1, 2, 3, 4]);
			expect(failure(items[0])?.code).toBe('19');
			const calls = sandbox().calls;
			expect(calls.map((call) => call.errorCode)).toEqual(['19', '0', '0', '0']);
			expect(calls[3].imageBytes).toBe(jpeg.length);
			expect(calls[2].imageBytes).toBe(fax.length + 190);
			if (uploadMethod === 'mfile') {
				expect(calls.map((call) => [call.mfileName, call.mfileType])).toEqual([
					['scan-page-1.png', 'image/png'],
					['scan-page-2.png', 'image/png'],
					['scan-page-3.tif', 'image/tiff'],
					['scan-page-4.jpg', 'image/jpeg'],
				]);
			}
		}
	});

	it('a pixel page whose data is cut short: an error item for that page, nothing sent for it', async () => {
		const samples = cardSamples(90, 60, 'rgb', 8);
		const pdf = makePdf([{ jpeg: scan() }, { image: { width: 90, height: 60, dict: `${samplesDict(samples)} /Filter /FlateDecode`, data: flate(samples.data.subarray(0, 900)) } }]);
		const result = await run(credentials(), { documentType: '2' }, [{ json: {}, binary: { data: { data: pdf, fileName: 'cut.pdf', mimeType: 'application/pdf' } } }], 'continueRegularOutput');
		const items = result.outputs[0];
		expect(items.map((item) => (failure(item) ? failure(item)?.message : 'result'))).toEqual(['result', expect.stringMatching(/cut\.pdf|"data".*page 2.*shorter than its size/)]);
		expect(failure(items[1])).toMatchObject({ code: 'INPUT', page: 2, attempts: 0 });
		expect(sandbox().calls).toHaveLength(1);
	});

	it('with Read Scanned PDFs off, a PDF is a file that is not an image', async () => {
		const result = await run(credentials(), { documentType: '2', options: { readScannedPdfs: false } }, [{ json: {}, binary: { data: { data: makePdf([{ jpeg: scan() }]), fileName: 'a.pdf', mimeType: 'application/pdf' } } }], 'continueRegularOutput');
		expect(failure(result.outputs[0][0])?.message).toMatch(/holds a PDF document, not an image/);
		expect(sandbox().calls).toHaveLength(0);
	});
});

describe('Skip Images Already Read', () => {
	it('a second run over the same images spends no calls; the repeats say when they were first read', async () => {
		const { binary } = emailAttachments();
		const parameters = { ...INBOX, options: { nonImageFiles: 'skip', skipAlreadyRead: true } };
		const before = Date.now();
		const first = await run(credentials(), parameters, [email(binary)]);
		expect(sandbox().calls).toHaveLength(4);
		expect(first.outputs[0].some((item) => meta(item).alreadyRead)).toBe(false);
		sandbox().reset();
		const second = await run(credentials(), parameters, [email(binary)]);
		expect(sandbox().calls).toHaveLength(0);
		const items = second.outputs[0];
		expect(items).toHaveLength(5);
		for (const item of items.slice(0, 4)) {
			expect(item.json).toEqual({ meta: expect.objectContaining({ alreadyRead: true, firstReadAt: expect.any(String), binaryName: expect.any(String) }) });
			expect(Date.parse(String(meta(item).firstReadAt))).toBeGreaterThanOrEqual(before - 1000);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		expect(meta(items[4])).toMatchObject({ skipped: true, runSummary: { callsSent: 0, possiblyBilled: 0, retried: 0, skippedAlreadyRead: 4, refusedLocally: 1 } });
	});

	it('another document type, or another option that changes the answer, is a new read', async () => {
		const image = makePng({ marker: `ETOP-SANDBOX:DOC=21\nn=${serial++}` });
		const item = { json: {}, binary: { data: { data: image, fileName: 'a.png', mimeType: 'image/png' } } };
		// Read Seals is sent for VAT invoices (pid 21) and changes their answer.
		await run(credentials(), { documentType: '21', options: { skipAlreadyRead: true } }, [item]);
		await run(credentials(), { documentType: '21', options: { skipAlreadyRead: true, requestId: 'only an echo' } }, [item]);
		await run(credentials(), { documentType: '21', options: { skipAlreadyRead: true, readSeals: true } }, [item]);
		await run(credentials(), { documentType: '2', options: { skipAlreadyRead: true } }, [item]);
		expect(sandbox().calls.map((call) => [call.fields.pid, call.fields.openSeal ?? null])).toEqual([
			['21', null],
			['21', '1'],
			['2', null],
		]);
	});

	it('the same image twice in one run (a forwarded mail) is sent once; Drop Them leaves no item for the repeat', async () => {
		const image = makeJpeg({ marker: marker() });
		const item = (name: string) => ({ json: {}, binary: { data: { data: image, fileName: name, mimeType: 'image/jpeg' } } });
		const result = await run(credentials(), { documentType: '2', options: { skipAlreadyRead: true, alreadyReadOutput: 'drop' } }, [item('original.jpg'), item('forwarded.jpg')]);
		expect(sandbox().calls).toHaveLength(1);
		expect(result.outputs[0]).toHaveLength(1);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		// The last input item has no item left: the summary rides on the run's last item, the first one's.
		expect(meta(result.outputs[0][0]).runSummary).toEqual({ callsSent: 1, possiblyBilled: 1, retried: 0, skippedAlreadyRead: 1, refusedLocally: 0 });
	});

	it('Drop Them over several emails: the summary is on the last item of the run, wherever it comes from; a run with nothing left has no item', async () => {
		const repeated = emailAttachments();
		const parameters = { ...INBOX, binaryPropertyName: 'attachment_0, attachment_1, attachment_2', options: { skipAlreadyRead: true, alreadyReadOutput: 'drop' } };
		await run(credentials(), parameters, [email(repeated.binary)]);
		sandbox().reset();
		const fresh = emailAttachments();
		// A new email, then two repeats whose images are all dropped.
		const result = await run(credentials(), parameters, [email(fresh.binary, 'new'), email(repeated.binary, 'again'), email(repeated.binary, 'and again')]);
		const items = result.outputs[0];
		expect(items.map((item) => item.pairedItem)).toEqual(Array(4).fill({ item: 0 }));
		expect(items.map((item) => meta(item).runSummary ?? null)).toEqual([null, null, null, { callsSent: 4, possiblyBilled: 4, retried: 0, skippedAlreadyRead: 8, refusedLocally: 0 }]);
		sandbox().reset();
		const nothing = await run(credentials(), parameters, [email(repeated.binary), email(fresh.binary)]);
		expect(nothing.error).toBeUndefined();
		expect(nothing.outputs[0] ?? []).toHaveLength(0);
		expect(sandbox().calls).toHaveLength(0);
	});

	it('a failed read is not remembered: the next run sends the image again', async () => {
		const image = makePng({ marker: `ETOP-SANDBOX:RESULT=19\nn=${serial++}` });
		const item = { json: {}, binary: { data: { data: image, fileName: 'blurred.png', mimeType: 'image/png' } } };
		const parameters = { documentType: '2', options: { skipAlreadyRead: true } };
		await run(credentials(), parameters, [item], 'continueRegularOutput');
		await run(credentials(), parameters, [item], 'continueRegularOutput');
		expect(sandbox().calls).toHaveLength(2);
	});
});

describe('what a run cost', () => {
	it('the last item carries the summary; its counts equal what the sandbox received and billed, retries included', async () => {
		const { binary } = emailAttachments();
		sandbox().addFault({ kind: 'busy', perRequest: 1 });
		const result = await run(credentials(), { ...INBOX, options: { nonImageFiles: 'skip' } }, [email(binary, 'one'), email(emailAttachments().binary, 'two')]);
		const items = result.outputs[0];
		const calls = sandbox().calls;
		const summary = meta(items[items.length - 1]).runSummary as IDataObject;
		expect(summary).toEqual({
			callsSent: calls.length,
			possiblyBilled: calls.filter((call) => call.billed).length,
			retried: calls.filter((call) => call.fault === 'busy').length,
			skippedAlreadyRead: 0,
			refusedLocally: 2,
		});
		expect(summary.callsSent).toBe(16);
		expect(items.filter((item) => meta(item).runSummary)).toHaveLength(1);
		expect(items.filter((item) => meta(item).attempts === 2)).toHaveLength(8);
	});
});
