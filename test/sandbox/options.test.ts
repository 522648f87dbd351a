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
	it('by default (1) no crops: result and field image_data are empty, the portrait too', async () => {
		const [card] = (await recognise(2)).ResultList;
		expect([card.image_data, card.head_image_data]).toEqual(['', '']);
		expect(card.FieldList.every((f: any) => f.image_data === '')).toBe(true);
		expect((await recognise(6)).Plate[0].image_data).toBeUndefined();
		expect((await recognise(1)).image_data).toBeUndefined();
	});

	it('0 sends the crops as base64 PNG: the document, the portrait, the first field', async () => {
		const [card] = (await recognise(2, { removeImgData: '0' })).ResultList;
		expect(isPngBase64(card.image_data)).toBe(true);
		expect(isPngBase64(card.head_image_data)).toBe(true);
		expect(isPngBase64(card.FieldList[0].image_data)).toBe(true);
		expect(card.FieldList.slice(1).every((f: any) => f.image_data === '')).toBe(true);
		const [licence] = (await recognise(41, { removeImgData: '0' })).ResultList;
		expect(isPngBase64(licence.image_data)).toBe(true);
		expect(licence.head_image_data).toBeUndefined();
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

	it('1 turns fields of the (invented) Chinese-key receipt bodies into {value, position, quad}', async () => {
		const plain = await recognise(22);
		expect(typeof plain.Ticket[0].车次).toBe('string');
		const placed = await recognise(22, { showPosition: '1' });
		expect(placed.Ticket[0].车次).toEqual({ ...POSITIONED, value: 'G7512' });
		expect(placed.Ticket[0].车次.quad).toHaveLength(8);
	});

	it('FieldList entries carry position and quad whatever showPosition says, as real answers do', async () => {
		const plain = (await recognise(7)).ResultList[0].FieldList[0];
		expect(plain).toMatchObject({ key: 'CardNo', chn_key: '证号', ...POSITIONED, value: '330106199004221234' });
		expect((await recognise(7, { showPosition: '1' })).ResultList[0].FieldList[0]).toEqual(plain);
	});

	it('1 adds position and quad to text lines and table cells', async () => {
		const line = (await recognise(1001, { showPosition: '1' })).PageInfo[0].Result[0].ResultList[0];
		expect(line.position).toBeDefined();
		const cells = (await recognise(1036, { showPosition: '1' })).PageInfo[0].Result[0].ResultList[1].CellList;
		expect(cells[0].position.left).not.toBe(cells[1].position.left);
		expect((await recognise(1036)).PageInfo[0].Result[0].ResultList[1].CellList[0].position).toBeUndefined();
	});
});

describe('openSeal', () => {
	it('1 adds SealList to invoices and licences that carry a seal', async () => {
		expect((await recognise(21)).ResultList[0].SealList).toBeUndefined();
		const [invoice] = (await recognise(21, { openSeal: '1' })).ResultList;
		expect(invoice.SealList).toEqual([{ value: expect.stringContaining('发票专用章'), color: 2, shape: 2 }]);
		expect(Object.keys(invoice).slice(-3)).toEqual(['FieldList', '明细', 'SealList']);
		expect((await recognise(41, { openSeal: '1' })).ResultList[0].SealList[0].value).toContain('登记');
		expect((await recognise(2, { openSeal: '1' })).ResultList[0].SealList).toBeUndefined();
	});
});

// ImageCheck (invented member) sits on the card's result, after its FieldList.
const checkOf = (body: Record<string, any>) => body.ResultList?.[0]?.ImageCheck;

describe('imageCheck (ID cards)', () => {
	it('reports scores of the switched-on dimensions, in order', async () => {
		expect(checkOf(await recognise(2))).toBeUndefined();
		const all = await recognise(2, { imageCheck: '11111' });
		expect(checkOf(all).map((c: any) => c.type)).toEqual(['copy', 'incomplete', 'glare', 'blur', 'ps']);
		expect(checkOf(all).every((c: any) => c.pass && c.score >= PASS_SCORE && c.name)).toBe(true);
		const some = await recognise(2, { imageCheck: '00110' });
		expect(checkOf(some).map((c: any) => c.type)).toEqual(['glare', 'blur']);
	});

	it('QUALITY markers make those dimensions score low; reported only by default (imageCheckVaule=1)', async () => {
		const body = await recognise(2, { imageCheck: '11111' }, 'ETOP-SANDBOX:QUALITY=blur,ps');
		expect(body.ErrorCode).toBe(0);
		const failed = checkOf(body).filter((c: any) => !c.pass).map((c: any) => c.type);
		expect(failed).toEqual(['blur', 'ps']);
		expect(checkOf(body).find((c: any) => c.type === 'blur').score).toBeLessThan(PASS_SCORE);
	});

	it('imageCheckVaule=0 fails with -51 below standard, billed; passes when the failing dimension is off', async () => {
		const failed = await recognise(2, { imageCheck: '11111', imageCheckVaule: '0' }, 'ETOP-SANDBOX:QUALITY=glare');
		expect(failed).toMatchObject({ ErrorCode: '-51' });
		expect(String(failed.ErrorMessage)).toContain('glare');
		expect(sandbox().calls[0].billed).toBe(true);
		const off = await recognise(2, { imageCheck: '11011', imageCheckVaule: '0' }, 'ETOP-SANDBOX:QUALITY=glare');
		expect(off.ErrorCode).toBe(0);
	});

	it('is ignored for other products', async () => {
		const body = await recognise(41, { imageCheck: '11111', imageCheckVaule: '0' }, 'ETOP-SANDBOX:DOC=41;QUALITY=blur');
		expect(body.ErrorCode).toBe(0);
		expect(checkOf(body)).toBeUndefined();
	});
});
