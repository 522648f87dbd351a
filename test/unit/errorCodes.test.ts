import { ETOP_ERRORS, describeErrorCode } from '../../nodes/EtopOcr/data/errorCodes';

// The vendor's error table, copied character for character ('0' = success is left out).
const VENDOR_ERRORS: Record<string, string> = {
	'3': '非该类型证件',
	'16': '不支持的图像文件',
	'17': '未定义的产品类型',
	'19': '识别失败',
	'-1': '用户已屏蔽',
	'-2': '用户key或secret验证错误。',
	'-3': '服务次数不足。',
	'-4': '用户未找到。',
	'-5': '未支持的识别类型。',
	'-6': 'file参数未提供。',
	'-7': '未提供keyh或secret参数',
	'-8': '服务器IO错误。',
	'-49': '请求超时',
	'-51': '图片错误, 请换一张再重试',
	'-52': '系统繁忙, 请一会后访问',
	'-55': '客户端断开连接',
};

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

describe('ETOP_ERRORS', () => {
	it('holds exactly the non-zero codes of the vendor table', () => {
		expect(Object.keys(ETOP_ERRORS).sort()).toEqual(Object.keys(VENDOR_ERRORS).sort());
		expect(Object.keys(ETOP_ERRORS)).toHaveLength(16);
		expect(ETOP_ERRORS['0']).toBeUndefined();
	});

	it('keeps the vendor text verbatim', () => {
		for (const [code, text] of Object.entries(VENDOR_ERRORS)) {
			expect(ETOP_ERRORS[code].messageZh).toBe(text);
		}
	});

	it('gives every code its own key, English message and hint', () => {
		for (const [code, info] of Object.entries(ETOP_ERRORS)) {
			expect(info.code).toBe(code);
			expect(info.message.trim().length).toBeGreaterThan(5);
			expect(info.hint.trim().length).toBeGreaterThan(10);
			expect(info.message).not.toMatch(CJK);
			expect(info.hint).not.toMatch(CJK);
		}
		expect(new Set(Object.values(ETOP_ERRORS).map((info) => info.message)).size).toBe(16);
		expect(ETOP_ERRORS['-2'].message).toBe('The key or secret is wrong');
	});

	it('marks exactly -8, -49, -52 and -55 as transient', () => {
		const transient = Object.values(ETOP_ERRORS).filter((info) => info.transient).map((info) => info.code);
		expect(transient.sort()).toEqual(['-49', '-52', '-55', '-8']);
		for (const info of Object.values(ETOP_ERRORS)) {
			expect(info.kind === 'transient').toBe(info.transient);
		}
	});

	it('classifies the codes by what the user has to fix', () => {
		const codesOf = (kind: string) =>
			Object.values(ETOP_ERRORS)
				.filter((info) => info.kind === kind)
				.map((info) => info.code)
				.sort();
		expect(codesOf('account')).toEqual(['-1', '-2', '-3', '-4', '-7']);
		expect(codesOf('document')).toEqual(['3']);
		expect(codesOf('image')).toEqual(['-51', '16', '19']);
		expect(codesOf('request')).toEqual(['-5', '-6', '17']);
		expect(codesOf('service')).toEqual([]);
	});

	it('points account errors at the credential or the console', () => {
		expect(ETOP_ERRORS['-2'].hint).toMatch(/credential/i);
		expect(ETOP_ERRORS['-7'].hint).toMatch(/credential/i);
		expect(ETOP_ERRORS['-3'].hint).toMatch(/top up/i);
		expect(ETOP_ERRORS['3'].hint).toMatch(/Document Type/);
		expect(ETOP_ERRORS['-52'].hint).toMatch(/retry/i);
	});

	it('cannot be changed by a caller', () => {
		expect(Object.isFrozen(ETOP_ERRORS)).toBe(true);
		expect(Object.isFrozen(ETOP_ERRORS['-2'])).toBe(true);
	});
});

describe('describeErrorCode', () => {
	it('returns the table entry for a known code', () => {
		expect(describeErrorCode('-3')).toBe(ETOP_ERRORS['-3']);
		expect(describeErrorCode('19').messageZh).toBe('识别失败');
	});

	it('tolerates surrounding whitespace', () => {
		expect(describeErrorCode(' -52 ')).toBe(ETOP_ERRORS['-52']);
	});

	it('describes an unknown code as a generic service error that names the code', () => {
		const info = describeErrorCode('-99');
		expect(info).toEqual({
			code: '-99',
			message: "The ETOP service answered with error code -99, which is not in ETOP's published error table",
			messageZh: '',
			hint: expect.stringMatching(/ETOP support/),
			kind: 'service',
			transient: false,
		});
	});

	it('says what callers take 20 to mean, and that it is not in the table', () => {
		expect(describeErrorCode('20')).toEqual({
			code: '20',
			message: 'The ETOP service answered with error code 20, which is not in ETOP\'s published error table; callers of the VIN product read it as "vehicle model not found"',
			messageZh: '找不到该车型',
			hint: expect.stringMatching(/no vehicle model/),
			kind: 'service',
			transient: false,
		});
		expect(ETOP_ERRORS).not.toHaveProperty('20');
	});

	it('never throws, not even for names of Object.prototype members or odd input', () => {
		for (const code of ['', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '1e3']) {
			const info = describeErrorCode(code);
			expect(info.kind).toBe('service');
			expect(info.code).toBe(code);
			expect(info.message).toContain(`error code ${code}`);
		}
		// A caller that forgets to stringify still gets an answer.
		expect(describeErrorCode(-2 as unknown as string)).toBe(ETOP_ERRORS['-2']);
		expect(describeErrorCode(undefined as unknown as string).kind).toBe('service');
	});
});
