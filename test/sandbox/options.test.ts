import { makePng } from '../fixtures/images';
import { imageKind } from './image-kind';
import { PASS_SCORE } from './image-check';
import { b64, CREDS, postForm, useSandbox } from './helpers';

const sandbox = useSandbox();

async function recognise(pid: number, extra: Record<string, string> = {}, marker?: string): Promise<Record<string, any>> {
	const file = b64(makePng(marker ? { marker } : {}));
	return (await postForm(sandbox().endpoint, { ...CREDS, pid: String(pid), file, ...extra })).json!;
}

const isPngBase64 = (s: unknown): boolean => typeof s === 'string' && !s.startsWith('data:') && imageKind(Buffer.from(s, 'base64')) === 'png';

describe('removeImgData', () => {
	it('by default (1) no cropped images; ResultList entries keep empty image_data', async () => {
		const id = await recognise(2);
		expect(id.image_data).toBeUndefined();
		expect(id.head_image_data).toBeUndefined();
		expect((await recognise(5)).ResultList[0].image_data).toBe('');
	});

	it('0 adds the crop (and the ID-card portrait) as base64 PNG', async () => {
		const id = await recognise(2, { removeImgData: '0' });
		expect(isPngBase64(id.image_data)).toBe(true);
		expect(isPngBase64(id.head_image_data)).toBe(true);
		expect(isPngBase64((await recognise(41, { removeImgData: '0' })).image_data)).toBe(true);
		expect((await recognise(41, { removeImgData: '0' })).head_image_data).toBeUndefined();
		expect(isPngBase64((await recognise(5, { removeImgData: '0' })).ResultList[0].image_data)).toBe(true);
		expect(isPngBase64((await recognise(6, { removeImgData: '0' })).Plate[0].image_data)).toBe(true);
		expect(isPngBase64((await recognise(1, { removeImgData: '0' })).image_data)).toBe(true);
	});
});

describe('showPosition', () => {
	const POSITIONED = {
		value: expect.any(String),
		position: { left: expect.any(Number), top: expect.any(Number), width: expect.any(Number), height: expect.any(Number) },
		quad: expect.arrayContaining([expect.any(Number)]),
	};

	it('1 turns fields of Chinese-key bodies into {value, position, quad}', async () => {
		const plain = await recognise(22);
		expect(typeof plain.Ticket[0].车次).toBe('string');
		const placed = await recognise(22, { showPosition: '1' });
		expect(placed.Ticket[0].车次).toEqual({ ...POSITIONED, value: 'G7512' });
		expect(placed.Ticket[0].车次.quad).toHaveLength(8);
		expect((await recognise(2, { showPosition: '1' })).姓名).toEqual({ ...POSITIONED, value: '王晓明' });
	});

	it('1 adds position and quad to FieldList entries, text lines and table cells', async () => {
		const field = (await recognise(7, { showPosition: '1' })).ResultList[0].FieldList[0];
		expect(field).toEqual({ key: 'CardNo', chn_key: '证号', ...POSITIONED, value: '330106199004221234' });
		const line = (await recognise(1001, { showPosition: '1' })).PageInfo[0].Result[0].ResultList[0];
		expect(line.position).toBeDefined();
		const cells = (await recognise(1036, { showPosition: '1' })).PageInfo[0].Result[0].ResultList[1].CellList;
		expect(cells[0].position.left).not.toBe(cells[1].position.left);
		expect((await recognise(1036)).PageInfo[0].Result[0].ResultList[1].CellList[0].position).toBeUndefined();
	});
});

describe('openSeal', () => {
	it('1 adds SealList to invoices and licences that carry a seal', async () => {
		expect((await recognise(21)).SealList).toBeUndefined();
		const invoice = await recognise(21, { openSeal: '1' });
		expect(invoice.SealList).toEqual([{ value: expect.stringContaining('发票专用章'), color: 2, shape: 2 }]);
		expect((await recognise(41, { openSeal: '1' })).SealList[0].value).toContain('登记');
		expect((await recognise(2, { openSeal: '1' })).SealList).toBeUndefined();
	});
});

describe('imageCheck (ID cards)', () => {
	it('reports scores of the switched-on dimensions, in order', async () => {
		expect((await recognise(2)).ImageCheck).toBeUndefined();
		const all = await recognise(2, { imageCheck: '11111' });
		expect(all.ImageCheck.map((c: any) => c.type)).toEqual(['copy', 'incomplete', 'glare', 'blur', 'ps']);
		expect(all.ImageCheck.every((c: any) => c.pass && c.score >= PASS_SCORE && c.name)).toBe(true);
		const some = await recognise(2, { imageCheck: '00110' });
		expect(some.ImageCheck.map((c: any) => c.type)).toEqual(['glare', 'blur']);
	});

	it('QUALITY markers make those dimensions score low; reported only by default (imageCheckVaule=1)', async () => {
		const body = await recognise(2, { imageCheck: '11111' }, 'ETOP-SANDBOX:QUALITY=blur,ps');
		expect(body.ErrorCode).toBe('0');
		const failed = body.ImageCheck.filter((c: any) => !c.pass).map((c: any) => c.type);
		expect(failed).toEqual(['blur', 'ps']);
		expect(body.ImageCheck.find((c: any) => c.type === 'blur').score).toBeLessThan(PASS_SCORE);
	});

	it('imageCheckVaule=0 fails with -51 below standard, billed; passes when the failing dimension is off', async () => {
		const failed = await recognise(2, { imageCheck: '11111', imageCheckVaule: '0' }, 'ETOP-SANDBOX:QUALITY=glare');
		expect(failed).toMatchObject({ ErrorCode: '-51' });
		expect(String(failed.ErrorMessage)).toContain('glare');
		expect(sandbox().calls[0].billed).toBe(true);
		const off = await recognise(2, { imageCheck: '11011', imageCheckVaule: '0' }, 'ETOP-SANDBOX:QUALITY=glare');
		expect(off.ErrorCode).toBe('0');
	});

	it('is ignored for other products', async () => {
		const body = await recognise(41, { imageCheck: '11111', imageCheckVaule: '0' }, 'ETOP-SANDBOX:DOC=41;QUALITY=blur');
		expect(body.ErrorCode).toBe('0');
		expect(body.ImageCheck).toBeUndefined();
	});
});
