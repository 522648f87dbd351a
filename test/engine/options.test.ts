import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IMAGE_CHECKS } from '../../nodes/EtopOcr/data/imageChecks';
import { documentTypeOptions } from '../../nodes/EtopOcr/data/catalogue';
import { errorOf, imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

const API_OPTION_FIELDS = ['requestId', 'removeImgData', 'openSeal', 'showPosition', 'imageCheck', 'imageCheckVaule'];

async function sentFields(parameters: INodeParameters, marker?: string) {
	const { outputs, error } = await run(credentials(), parameters, [imageItem(marker)]);
	expect(error).toBeUndefined();
	expect(errorOf(outputs[0][0])).toBeUndefined();
	return { fields: sandbox().calls[0].fields, item: outputs[0][0] };
}

describe('every API option reaches the wire, and only when set', () => {
	it('sends no option at all by default', async () => {
		const { fields } = await sentFields({ documentType: '2' });
		for (const name of API_OPTION_FIELDS) expect(fields).not.toHaveProperty(name);
		expect(Object.keys(fields).sort()).toEqual(['file', 'key', 'pid', 'secret']);
	});

	it('sends nothing for switches the user added but left off', async () => {
		const off = Object.fromEntries(IMAGE_CHECKS.map((check) => [check.option, false]));
		const { fields } = await sentFields({
			documentType: '2',
			options: { ...off, failOnLowQuality: false, readSeals: false, returnCroppedImages: false, returnPositions: false, requestId: '' },
		});
		for (const name of API_OPTION_FIELDS) expect(fields).not.toHaveProperty(name);
	});

	it('sends requestId and the service echoes it into meta', async () => {
		const { fields, item } = await sentFields({ documentType: '2', options: { requestId: 'mail-4711/att-0' } });
		expect(fields.requestId).toBe('mail-4711/att-0');
		expect(item.json.meta).toMatchObject({ requestId: 'mail-4711/att-0', pid: 2, documentType: 'ID Card' });
	});

	it('Return Cropped Images sends removeImgData=0 and yields binary images', async () => {
		const { fields, item } = await sentFields({ documentType: '2', options: { returnCroppedImages: true } });
		expect(fields.removeImgData).toBe('0');
		const binaries = Object.values(item.binary ?? {});
		expect(binaries.length).toBeGreaterThan(0);
		for (const binary of binaries) expect(binary.mimeType).toMatch(/^image\//);
		// The base64 does not stay in the JSON.
		expect(JSON.stringify(item.json)).not.toMatch(/iVBORw0KGgo|\/9j\//);
	});

	it('Read Seals sends openSeal=1', async () => {
		const { fields } = await sentFields({ documentType: '21', options: { readSeals: true } });
		expect(fields.openSeal).toBe('1');
	});

	it('Return Field Positions sends showPosition=1', async () => {
		const { fields } = await sentFields({ documentType: '22', options: { returnPositions: true } });
		expect(fields.showPosition).toBe('1');
	});

	it.each(IMAGE_CHECKS.map((check, digit) => [check.option, digit] as const))('%s sets digit %i of imageCheck', async (option, digit) => {
		const { fields } = await sentFields({ documentType: '2', options: { [option]: true } });
		const expected = ['0', '0', '0', '0', '0'];
		expected[digit] = '1';
		expect(fields.imageCheck).toBe(expected.join(''));
	});

	it('combines several checks and Fail on Low Image Quality sends imageCheckVaule=0', async () => {
		const { fields } = await sentFields({ documentType: '2', options: { checkOriginal: true, checkBlur: true, failOnLowQuality: true } });
		expect(fields.imageCheck).toBe('10010');
		expect(fields.imageCheckVaule).toBe('0');
	});

	it('does not send image checks for products other than the ID card', async () => {
		const { fields } = await sentFields({ documentType: '8', options: { checkBlur: true } });
		expect(fields).not.toHaveProperty('imageCheck');
	});

	it('a low-quality ID card fails with the service error when asked to', async () => {
		const { outputs } = await run(
			credentials(),
			{ documentType: '2', options: { checkBlur: true, failOnLowQuality: true } },
			[imageItem('ETOP-SANDBOX:QUALITY=blur')],
			'continueRegularOutput',
		);
		expect(errorOf(outputs[0][0])?.message).toContain('ETOP error -51');
	});

	it('sends a custom product id', async () => {
		const { fields, item } = await sentFields({ documentType: 'custom', customPid: 1036 });
		expect(fields.pid).toBe('1036');
		expect(item.json.meta).toMatchObject({ pid: 1036 });
	});

	it.each(documentTypeOptions().map((option) => [option.value, option.name]))('pid %s (%s) is sent and answered', async (pid) => {
		const { fields, item } = await sentFields({ documentType: pid });
		expect(fields.pid).toBe(pid);
		expect(item.json.meta).toMatchObject({ pid: Number(pid) });
		// Something beyond what was asked: fields, or (classification only, 667) the document found.
		expect(Object.keys(item.json).length > 1 || (item.json.meta as Record<string, unknown>).detectedPid !== undefined).toBe(true);
	});
});

describe('output', () => {
	it('Simplify off returns the body as the service sent it', async () => {
		const { outputs } = await run(credentials(), { documentType: '6', simplify: false }, [imageItem()]);
		const body = outputs[0][0].json;
		expect(body.ErrorCode).toBe('0');
		expect(body).toHaveProperty('recogInfo');
		// The body's members as sent, and beside them only meta: where the image came from and the run's cost.
		expect(Object.keys(body.meta as IDataObject)).toEqual(['binaryName', 'fileName', 'mimeType', 'fileSize', 'runSummary']);
		expect(sandbox().calls[0].errorCode).toBe('0');
	});

	it('Simplify on gives flat fields plus meta with the service ids and timing', async () => {
		const { outputs } = await run(credentials(), { documentType: '6' }, [imageItem()]);
		const { meta, ...fields } = outputs[0][0].json as Record<string, unknown>;
		expect(Object.keys(fields).length).toBeGreaterThan(0);
		for (const value of Object.values(fields)) expect(value === null || typeof value !== 'object').toBe(true);
		expect(meta).toMatchObject({ pid: 6, attempts: 1 });
		expect((meta as Record<string, unknown>).responseId).toEqual(expect.any(String));
	});
});
