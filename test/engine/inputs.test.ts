import { makeJpeg, makePng } from '../fixtures/images';
import { imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

describe('image input through the engine', () => {
	it('sends binary data as base64 `file`, url-encoded, with key and secret', async () => {
		const image = makePng({ marker: 'ETOP-SANDBOX:DOC=2' });
		const { outputs, error } = await run(credentials(), { documentType: '2' }, [
			{ json: {}, binary: { data: { data: image, fileName: 'id.png', mimeType: 'image/png' } } },
		]);
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		const [call] = sandbox().calls;
		expect(call.encoding).toBe('urlencoded');
		expect(call.imageSource).toBe('file');
		expect(call.imageBytes).toBe(image.length);
		expect(call.fields).toMatchObject({ pid: '2', key: credentials().apiKey, secret: credentials().secret });
		expect(call.errorCode).toBe('0');
	});

	it('uploads binary data as multipart `mfile` with file name, type, key and secret', async () => {
		const image = makeJpeg();
		const { outputs, error } = await run(credentials(), { documentType: '21', options: { uploadMethod: 'mfile' } }, [
			{ json: {}, binary: { data: { data: image, fileName: 'invoice.jpg', mimeType: 'application/octet-stream' } } },
		]);
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		const [call] = sandbox().calls;
		expect(call.encoding).toBe('multipart');
		expect(call.imageSource).toBe('mfile');
		expect(call.imageBytes).toBe(image.length);
		expect(call.mfileName).toBe('invoice.jpg');
		// The type comes from the bytes, not from the (often wrong) MIME type of the attachment.
		expect(call.mfileType).toBe('image/jpeg');
		expect(call.fields).toMatchObject({ pid: '21', key: credentials().apiKey, secret: credentials().secret });
		expect(call.errorCode).toBe('0');
	});

	it('reads the binary field the user names', async () => {
		const item = { json: {}, binary: { attachment_1: { data: makePng(), fileName: 'a.png' } } };
		const { outputs } = await run(credentials(), { documentType: '2', binaryPropertyName: 'attachment_1' }, [item]);
		expect(outputs[0][0].error).toBeUndefined();
		expect(sandbox().calls).toHaveLength(1);
	});

	it('passes an image URL as `urlPath`, which the service downloads', async () => {
		const url = `${sandbox().url}/images/generated?format=png&marker=${encodeURIComponent('ETOP-SANDBOX:DOC=41')}`;
		const { outputs, error } = await run(credentials(), { documentType: '41', inputType: 'url', imageUrl: `  ${url} ` }, [{ json: {} }]);
		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		const [call] = sandbox().calls;
		expect(call.imageSource).toBe('urlPath');
		expect(call.fields.urlPath).toBe(url);
		expect(call.errorCode).toBe('0');
	});

	it('takes an image URL from an expression per item', async () => {
		const base = `${sandbox().url}/images/generated?format=png`;
		const items = [{ json: { link: `${base}&n=1` } }, { json: { link: `${base}&n=2` } }];
		const { outputs } = await run(credentials(), { documentType: '2', inputType: 'url', imageUrl: '={{ $json.link }}' }, items);
		expect(outputs[0]).toHaveLength(2);
		expect(sandbox().calls.map((call) => call.fields.urlPath).sort()).toEqual([`${base}&n=1`, `${base}&n=2`]);
	});

	it('strips a data: prefix and whitespace from base64 text', async () => {
		const image = makePng();
		const wrapped = image.toString('base64').replace(/(.{60})/g, '$1\r\n');
		const { outputs, error } = await run(credentials(), { documentType: '2', inputType: 'base64', base64Data: '={{ $json.scan }}' }, [
			{ json: { scan: `data:image/png;base64,${wrapped}\n` } },
		]);
		expect(error).toBeUndefined();
		expect(outputs[0][0].error).toBeUndefined();
		const [call] = sandbox().calls;
		expect(call.imageSource).toBe('file');
		expect(call.imageBytes).toBe(image.length);
		expect(call.fields.file).toBe(`<base64 ${image.toString('base64').length} chars>`);
	});

	it('keeps the input fields beside the result when asked', async () => {
		const { outputs } = await run(credentials(), { documentType: '2', options: { includeInputFields: true } }, [
			imageItem(undefined, { subject: 'Scan of my ID', from: 'a@example.com' }),
		]);
		expect(outputs[0][0].json).toMatchObject({ subject: 'Scan of my ID', from: 'a@example.com' });
		expect(outputs[0][0].json.meta).toBeDefined();
	});
});
