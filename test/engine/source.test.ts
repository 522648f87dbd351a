import { makePng } from '../fixtures/images';
import { errorOf, imageItem, run, useSandbox } from './context';

const { credentials } = useSandbox();

describe('results keep their source', () => {
	it('Include Input Binary passes the scan through, beside the result and on an error item', async () => {
		const items = [imageItem('ETOP-SANDBOX:DOC=2'), imageItem('ETOP-SANDBOX:DOC=21')];
		const { outputs } = await run(credentials(), { documentType: '2', options: { includeInputBinary: true } }, items, 'continueRegularOutput');
		const [result, failed] = outputs[0];
		expect(errorOf(result)).toBeUndefined();
		expect(result.binary?.data).toMatchObject({ fileName: 'scan.png', mimeType: 'image/png' });
		expect(errorOf(failed)).toMatchObject({ code: '3', fileName: 'scan.png', binaryName: 'data' });
		expect(failed.binary?.data).toMatchObject({ fileName: 'scan.png' });
	});

	it('without it, no input binary is passed on', async () => {
		const { outputs } = await run(credentials(), { documentType: '2' }, [imageItem('ETOP-SANDBOX:DOC=2')]);
		expect(outputs[0][0].binary).toBeUndefined();
	});

	it('an error item names the binary field and file it was about, and the image URL for URL input', async () => {
		const { outputs } = await run(
			credentials(),
			{ documentType: '2', binaryPropertyName: 'attachment_1' },
			[{ json: {}, binary: { attachment_1: { data: Buffer.from('not an image'), fileName: 'notes.jpg', mimeType: 'image/jpeg' } } }],
			'continueRegularOutput',
		);
		expect(errorOf(outputs[0][0])).toMatchObject({ code: 'INPUT', binaryName: 'attachment_1', fileName: 'notes.jpg', imageUrl: null, attempts: 0 });
		const url = await run(credentials(), { documentType: '2', inputType: 'url', imageUrl: 'ftp://example.com/a.png' }, [{ json: {} }], 'continueRegularOutput');
		expect(errorOf(url.outputs[0][0])).toMatchObject({ code: 'INPUT', binaryName: null, fileName: null, imageUrl: 'ftp://example.com/a.png' });
	});
});

describe("an ETOP error's details", () => {
	it('read out the pid the service names, and carry the ETOP code as the error code n8n shows', async () => {
		const { error } = await run(credentials(), { documentType: '2' }, [{ json: {}, binary: { data: { data: makePng({ marker: 'ETOP-SANDBOX:DOC=21' }), fileName: 'invoice.png' } } }]);
		expect(error?.message).toMatch(/^ETOP error 3: /);
		expect(error?.description).toContain('图片为pid=21的证件" (the image is a VAT Invoice, pid 21).');
		expect((error as unknown as { httpCode: string }).httpCode).toBe('3');
	});
});
