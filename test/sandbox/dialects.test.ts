import { makeJpeg, makePng } from '../fixtures/images';
import { imageKind } from './image-kind';
import { b64, CREDS, fieldValues, postForm, postMultipart, useSandbox } from './helpers';
import { CROPS_KEY, CROPS_SECRET, FILEDATA_KEY, FILEDATA_SECRET, ON_PREMISES_KEY, ON_PREMISES_SECRET } from './server';

// The real answer dialects beside the cloud's: private installs (PageInfo wrapper, `filedata`), services
// that send crops unasked, codes outside the vendor's table.

const sandbox = useSandbox();
const image = (marker = '') => b64(makePng(marker ? { marker } : {}));
const ON_PREMISES = { key: ON_PREMISES_KEY, secret: ON_PREMISES_SECRET };
const FILEDATA = { key: FILEDATA_KEY, secret: FILEDATA_SECRET };
const isPngBase64 = (s: unknown): boolean => typeof s === 'string' && s !== '' && imageKind(Buffer.from(s, 'base64')) === 'png';

describe('private installs: the PageInfo wrapper', () => {
	it('wraps the results with every level’s bookkeeping, ErrorCode numbers, a 19-digit SerialId and scores', async () => {
		const a = await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '2', file: image() });
		const body = a.json as any;
		expect(Object.keys(body)).toEqual(['PageInfo', 'ErrorCode']);
		expect(Object.keys(body.PageInfo[0])).toEqual(['img_data', 'PageIndex', 'ErrorCode', 'Result']);
		expect(body).toMatchObject({ ErrorCode: 0, PageInfo: [{ img_data: '', PageIndex: 1, ErrorCode: 0 }] });
		const result = body.PageInfo[0].Result[0];
		expect(Object.keys(result)).toEqual(['Time', 'ErrorCode', 'SerialId', 'ResultList']);
		expect(result).toMatchObject({ Time: expect.any(Number), ErrorCode: 0 });
		// written with all its digits, as a Java long is (JSON.parse in JavaScript rounds it)
		expect(a.text).toMatch(/"SerialId":[1-9][0-9]{18},/);
		const [card] = result.ResultList;
		expect(card).toMatchObject({ pid: 2, type: expect.any(String), direct: 0, angle: 0, ocr_error_code: 0, head_image_data: '' });
		expect(card.FieldList.map((f: any) => f.key)).toEqual(['IDNum', 'Name', 'Sex', 'Nation', 'Birth', 'Address']);
		expect(card.FieldList.every((f: any) => Number.isInteger(f.score) && f.score >= 0 && f.score <= 99)).toBe(true);
		expect(body.recogInfo).toBeUndefined();
	});

	it('gives each call its own SerialId', async () => {
		const texts = [];
		for (let i = 0; i < 2; i++) texts.push((await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '5', file: image() })).text);
		const ids = texts.map((t) => /"SerialId":([0-9]+)/.exec(t)![1]);
		expect(new Set(ids).size).toBe(2);
	});

	it('plates: PageInfo / Result / Plate, without PlateNum', async () => {
		const body = (await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '6', file: image('ETOP-SANDBOX:COUNT=2') })).json as any;
		const result = body.PageInfo[0].Result[0];
		expect(result.Plate).toEqual([
			{ 车牌颜色: '蓝色', 车牌号: '浙A12345' },
			{ 车牌颜色: '绿色', 车牌号: '浙AD12345' },
		]);
		expect(result.PlateNum).toBeUndefined();
	});

	it('several documents in one result list: licence front and counterpart, auto-classification', async () => {
		const licence = (await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '5', file: image('ETOP-SANDBOX:COUNT=2') })).json as any;
		const [front, back] = licence.PageInfo[0].Result[0].ResultList;
		expect([front.type, back.type]).toEqual(['行驶证正页', '行驶证副页']);
		expect(back.FieldList.find((f: any) => f.chn_key === '总质量')).toMatchObject({ value: '1830kg', score: expect.any(Number) });
		expect(back.FieldList.find((f: any) => f.chn_key === '备注')).toMatchObject({ value: '', score: 0, position: { width: 0, height: 0 } });
		const mixed = (await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '666', file: image('ETOP-SANDBOX:DOC=2,5') })).json as any;
		expect(mixed.PageInfo[0].Result[0].ResultList.map((r: any) => r.pid)).toEqual([2, 5]);
	});

	it('is chosen by the account wherever it calls, or sandbox-wide; reset() restores the profile', async () => {
		const byAccount = (await postForm(sandbox().endpoint, { ...ON_PREMISES, pid: '1', file: b64(makeJpeg()) })).json as any;
		expect(byAccount.PageInfo[0].Result[0].VIN).toBe('LFWSRXNH6AAD38754');
		sandbox().profile.dialect = 'onPremises';
		expect((await postForm(sandbox().endpoint, { ...CREDS, pid: '41', file: image() })).json).toHaveProperty('PageInfo');
		sandbox().account(CREDS.key)!.dialect = 'cloud';
		expect((await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '41', file: image() })).json).toMatchObject({ ErrorCode: 0, ResultList: [{ pid: 41 }] });
		sandbox().reset();
		expect(sandbox().profile).toEqual({});
		expect((await postForm(sandbox().endpoint, { ...CREDS, pid: '41', file: image() })).json).toHaveProperty('ResultList');
	});

	it('failures: the code as a number, no recogInfo', async () => {
		expect((await postForm(sandbox().onPremisesEndpoint, { ...CREDS, secret: 'wrong', pid: '2' })).json).toEqual({ ErrorCode: -2, ErrorMessage: expect.any(String) });
		const failed = (await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '2', file: image('ETOP-SANDBOX:RESULT=19') })).json;
		expect(failed).toEqual({ ErrorCode: 19, ErrorMessage: expect.stringContaining('识别失败') });
		expect(sandbox().calls[1].billed).toBe(true);
	});
});

describe('private installs that take the image as `filedata`', () => {
	it('answer -6 (file not provided) to `file`, naming filedata; not billed', async () => {
		const a = await postForm(sandbox().endpoint, { ...FILEDATA, pid: '2', file: image() });
		expect(a.json).toMatchObject({ ErrorCode: -6, ErrorMessage: expect.stringContaining('filedata') });
		expect(String(a.json!.ErrorMessage)).toContain('file参数未提供');
		expect((await postForm(sandbox().filedataEndpoint, { ...CREDS, pid: '2', file: image() })).json).toMatchObject({ ErrorCode: -6 });
		expect(sandbox().calls.every((c) => !c.billed && c.imageSource === null)).toBe(true);
	});

	it('read `filedata` url-encoded and as a multipart text part, recorded as its length', async () => {
		const file = image();
		const url = await postForm(sandbox().endpoint, { ...FILEDATA, pid: '2', filedata: file, requestId: 'fd-1' });
		expect(fieldValues((url.json as any).PageInfo[0].Result[0].ResultList[0]).Name).toBe('王晓明');
		const multi = await postMultipart(sandbox().filedataEndpoint, { ...CREDS, pid: '1', filedata: b64(makeJpeg()) });
		expect((multi.json as any).PageInfo[0].Result[0].VIN).toBe('LFWSRXNH6AAD38754');
		expect(sandbox().calls.map((c) => [c.encoding, c.imageSource, c.billed])).toEqual([
			['urlencoded', 'filedata', true],
			['multipart', 'filedata', true],
		]);
		expect(sandbox().calls[0].fields).toEqual({ ...FILEDATA, pid: '2', requestId: 'fd-1', filedata: `<base64 ${file.length} chars>` });
	});

	it('check `filedata` as `file` is checked: data: prefix, bad base64, exactly one image source', async () => {
		const file = image();
		const prefixed = await postForm(sandbox().filedataEndpoint, { ...CREDS, pid: '2', filedata: `data:image/png;base64,${file}` });
		expect(prefixed.json).toMatchObject({ ErrorCode: 16, ErrorMessage: expect.stringContaining('filedata') });
		expect((await postForm(sandbox().filedataEndpoint, { ...CREDS, pid: '2', filedata: 'not base64!!' })).json).toMatchObject({ ErrorCode: 16 });
		const two = await postForm(sandbox().filedataEndpoint, { ...CREDS, pid: '2', filedata: file, urlPath: `${sandbox().url}/images/id-card.png` });
		expect(two.json).toMatchObject({ ErrorCode: -6, ErrorMessage: expect.stringContaining('exactly one') });
	});

	it('the cloud does not read `filedata`', async () => {
		expect((await postForm(sandbox().endpoint, { ...CREDS, pid: '2', filedata: image() })).json).toMatchObject({ ErrorCode: '-6' });
	});
});

describe('crops sent unasked', () => {
	it('CROPS=always: the document and portrait crops without removeImgData=0', async () => {
		const [card] = ((await postForm(sandbox().endpoint, { ...CREDS, pid: '2', file: image('ETOP-SANDBOX:CROPS=always') })).json as any).ResultList;
		expect(isPngBase64(card.image_data)).toBe(true);
		expect(isPngBase64(card.head_image_data)).toBe(true);
		expect(isPngBase64(card.FieldList[0].image_data)).toBe(true);
	});

	it('an account whose service always sends them, also with removeImgData=1', async () => {
		const body = (await postForm(sandbox().endpoint, { key: CROPS_KEY, secret: CROPS_SECRET, pid: '6', file: image(), removeImgData: '1' })).json as any;
		expect(isPngBase64(body.Plate[0].image_data)).toBe(true);
		const plain = (await postForm(sandbox().endpoint, { ...CREDS, pid: '6', file: image() })).json as any;
		expect(plain.Plate[0].image_data).toBeUndefined();
	});
});

describe('error codes outside the vendor table', () => {
	it('RESULT=20 answers "20" (找不到该车型, as VIN callers handle it), with recogInfo, billed', async () => {
		const a = await postForm(sandbox().endpoint, { ...CREDS, pid: '1', requestId: 'vin-9', file: b64(makeJpeg({ marker: 'ETOP-SANDBOX:RESULT=20' })) });
		expect(a.json).toMatchObject({ ErrorCode: '20', ErrorMessage: expect.stringMatching(/^找不到该车型/), recogInfo: { requestId: 'vin-9' } });
		expect(sandbox().calls[0]).toMatchObject({ errorCode: '20', billed: true });
		const onPremises = await postForm(sandbox().onPremisesEndpoint, { ...CREDS, pid: '1', file: b64(makeJpeg({ marker: 'ETOP-SANDBOX:RESULT=20' })) });
		expect(onPremises.json).toMatchObject({ ErrorCode: 20 });
	});

	it('ignores RESULT with a code neither in the table nor known outside it', async () => {
		const a = await postForm(sandbox().endpoint, { ...CREDS, pid: '1', file: b64(makeJpeg({ marker: 'ETOP-SANDBOX:RESULT=21' })) });
		expect(a.json).toMatchObject({ ErrorCode: '0' });
	});
});
