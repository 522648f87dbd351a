import { runToolCall } from '../harness/engine';
import { useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

const imageUrl = (marker: string) =>
	`${sandbox().url}/images/generated?format=png&marker=${encodeURIComponent(`ETOP-SANDBOX:${marker}`)}`;

/** The tool as an agent connects it, with every parameter left at the tool variant's defaults. */
const call = async (toolArgs: Record<string, unknown>, parameters = {}) =>
	await runToolCall({ credentials: credentials(), parameters, toolArgs });

describe('ETOP OCR as an AI-agent tool, called through n8n-core (createNodeAsTool, supplyData context)', () => {
	it('offers the model an image URL and a document type, and a description that says what to pass', async () => {
		const { call: seen, error } = await call({ imageUrl: imageUrl('DOC=2'), documentType: 'ID Card' });
		expect(error).toBeUndefined();
		expect(Object.keys(seen!.parameters).sort()).toEqual(['documentType', 'imageUrl']);
		expect(seen!.parameters.imageUrl).toMatch(/http or https address of the image/);
		expect(seen!.parameters.documentType).toMatch(/ID Card, Passport, .*VAT Invoice/);
		expect(seen!.parameters.documentType).toContain('Document Auto-Classification with Recognition');
		expect(seen!.description).toMatch(/Pass imageUrl.*Pass documentType/s);
	});

	it('reads the image at the URL the model gives, for the document type it names', async () => {
		const url = imageUrl('DOC=21');
		const { call: seen, error } = await call({ imageUrl: url, documentType: 'VAT Invoice' });
		expect(error).toBeUndefined();
		const [sent] = sandbox().calls;
		expect(sent.imageSource).toBe('urlPath');
		expect(sent.fields).toMatchObject({ pid: '21', urlPath: url });
		const [answer] = seen!.answer as Array<Record<string, unknown>>;
		expect(answer.meta).toMatchObject({ pid: 21, documentType: 'VAT Invoice' });
		expect(Object.keys(answer).length).toBeGreaterThan(2);
	});

	it.each([
		['增值税发票', '21'],
		['21', '21'],
		['passport', '8'],
	])('takes the document type %j by Chinese name, pid or in lower case', async (documentType, pid) => {
		const { error } = await call({ imageUrl: imageUrl(`DOC=${pid}`), documentType });
		expect(error).toBeUndefined();
		expect(sandbox().calls[0].fields.pid).toBe(pid);
	});

	it('answers an unknown document type with an error the model can act on, and sends nothing', async () => {
		const { error } = await call({ imageUrl: imageUrl('DOC=2'), documentType: 'Receipt of some kind' });
		expect(sandbox().calls).toHaveLength(0);
		expect(error?.message).toContain('Document Type is "Receipt of some kind", which is not a document type this node knows');
		expect(error?.message).toContain('Give a name from the Document Type list');
	});

	it('keeps a document type the user fixed, and then offers the model only the image URL', async () => {
		const { call: seen, error } = await call({ imageUrl: imageUrl('DOC=41') }, { documentType: '41' });
		expect(error).toBeUndefined();
		expect(Object.keys(seen!.parameters)).toEqual(['imageUrl']);
		expect(sandbox().calls[0].fields.pid).toBe('41');
	});
});
