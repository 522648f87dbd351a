import { NOT_AN_IMAGE, makePng } from '../fixtures/images';
import type { InputItem } from '../harness/inputNode';
import { errorOf, imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

const BASE64_INPUT = { inputType: 'base64', base64Data: '={{ $json.b64 }}' };
const goodBase64 = () => ({ json: { b64: makePng().toString('base64') } });

/** Runs one bad item between two good ones, with continue-on-fail. */
async function runBetweenGoodItems(bad: InputItem, parameters: Record<string, unknown>, good: () => InputItem = () => imageItem()) {
	const result = await run(credentials(), { documentType: '2', ...parameters }, [good(), bad, good()], 'continueRegularOutput');
	const items = result.outputs[0];
	expect(items).toHaveLength(3);
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(errorOf(items[0])).toBeUndefined();
	expect(errorOf(items[2])).toBeUndefined();
	// Two calls only: nothing was sent for the bad item.
	expect(sandbox().calls).toHaveLength(2);
	const error = errorOf(items[1])!;
	expect(error).toMatchObject({ code: 'INPUT', attempts: 0, mayBeBilled: false, retryable: false });
	expect(error.message).toMatch(/ \[item 1\]$/);
	expect(error.hint).toContain('No request was sent');
	return error;
}

describe('local checks: a clear error naming item and parameter, and no billed call', () => {
	it('rejects a missing binary field and lists the fields the item has', async () => {
		const error = await runBetweenGoodItems({ json: {}, binary: { attachment_0: { data: makePng() } } }, {});
		expect(error.message).toContain('binary field "data"');
		expect(error.hint).toContain('attachment_0');
	});

	it('rejects an item without any binary data', async () => {
		const error = await runBetweenGoodItems({ json: { subject: 'no attachment' } }, {});
		expect(error.message).toContain('binary field "data"');
		expect(error.hint).toMatch(/no binary data/i);
	});

	it('rejects an empty file', async () => {
		const error = await runBetweenGoodItems({ json: {}, binary: { data: { data: Buffer.alloc(0), fileName: 'empty.png' } } }, {});
		expect(error.message).toContain('empty');
	});

	it.each(Object.entries(NOT_AN_IMAGE))('rejects %s named like an image, by its bytes', async (kind, bytes) => {
		const error = await runBetweenGoodItems(
			{ json: {}, binary: { data: { data: bytes as Buffer, fileName: 'scan.jpg', mimeType: 'image/jpeg' } } },
			{},
		);
		// A PDF is read for scanned pages (Read Scanned PDFs, on by default); this one has none.
		expect(error.message).toContain(kind === 'pdf' ? 'the PDF has no pages' : 'not an image ETOP accepts');
		expect(error.hint).toMatch(kind === 'pdf' ? /No request was sent/ : /JPEG, PNG/);
	});

	it('rejects base64 text that is not base64', async () => {
		const error = await runBetweenGoodItems({ json: { b64: 'this is not base64!' } }, BASE64_INPUT, goodBase64);
		expect(error.message).toContain('Base64 Data is not valid base64');
	});

	it('rejects base64 of something that is not an image', async () => {
		const error = await runBetweenGoodItems(
			{ json: { b64: Buffer.from('%PDF-1.7 invoice').toString('base64') } },
			BASE64_INPUT,
			goodBase64,
		);
		expect(error.message).toContain('a PDF document');
	});

	it.each(['ftp://example.com/a.png', 'example.com/a.png', 'javascript:alert(1)', ''])('rejects the URL %p', async (url) => {
		const goodUrl = () => ({ json: { url: `${sandbox().url}/images/generated?format=png` } });
		const error = await runBetweenGoodItems({ json: { url } }, { inputType: 'url', imageUrl: '={{ $json.url }}' }, goodUrl);
		expect(error.message).toContain('Image URL');
		expect(error.hint).toContain('http://');
	});

	it('rejects a Request ID over 255 characters', async () => {
		const error = await runBetweenGoodItems({ json: { ref: 'x'.repeat(256) }, binary: imageItem().binary }, { options: { requestId: '={{ $json.ref ?? "ok" }}' } });
		expect(error.message).toContain('Request ID is 256 bytes long (UTF-8)');
	});

	it('accepts a Request ID of exactly 255 characters', async () => {
		const { outputs } = await run(credentials(), { documentType: '2', options: { requestId: 'r'.repeat(255) } }, [imageItem()]);
		expect(errorOf(outputs[0][0])).toBeUndefined();
		expect(sandbox().calls[0].fields.requestId).toHaveLength(255);
	});

	it('rejects a file whose base64 is over 5 MB once url-encoded, saying the size, the limit and what to do', async () => {
		// 4 MB of PNG becomes about 5.33 MB of base64.
		const error = await runBetweenGoodItems({ json: {}, binary: { data: { data: makePng({ bytes: 4_000_000 }) } } }, {});
		expect(error.message).toMatch(/is 5\.\d\d MB as url-encoded base64, over ETOP's limit of 5\.00 MB/);
		expect(error.hint).toContain('Multipart');
	});

	it('sends the same large file as multipart, where the 5 MB limit applies to the file itself', async () => {
		const { outputs } = await run(credentials(), { documentType: '2', options: { uploadMethod: 'mfile' } }, [
			{ json: {}, binary: { data: { data: makePng({ bytes: 4_000_000 }) } } },
		]);
		expect(errorOf(outputs[0][0])).toBeUndefined();
		expect(sandbox().calls[0].imageBytes).toBe(4_000_000);
	});

	it('rejects a multipart file over 5 MB', async () => {
		const error = await runBetweenGoodItems(
			{ json: {}, binary: { data: { data: makePng({ bytes: 5 * 1024 * 1024 + 1 }) } } },
			{ options: { uploadMethod: 'mfile' } },
		);
		expect(error.message).toContain("over ETOP's limit of 5.00 MB");
	});

	it('stops at the first bad item without continue-on-fail, naming it', async () => {
		const { error, outputs } = await run(credentials(), { documentType: '2' }, [imageItem(), { json: {} }, imageItem()]);
		expect(outputs).toEqual([]);
		expect(error?.message).toMatch(/^There is no binary field "data" .*\[item 1\]$/);
	});
});
