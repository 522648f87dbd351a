// ErrorCode values and the vendor's own texts for them (from its API document), sent as `ErrorMessage`
// (a member name the sandbox chose). Plus codes outside the vendor's table that callers of the real service
// handle. How the code travels (string "0" or number 0) depends on the body: see envelope.ts.

/** The vendor's table. */
export type VendorCode =
	| '0'
	| '3'
	| '16'
	| '17'
	| '19'
	| '-1'
	| '-2'
	| '-3'
	| '-4'
	| '-5'
	| '-6'
	| '-7'
	| '-8'
	| '-49'
	| '-51'
	| '-52'
	| '-55';

/** Outside the vendor's table, seen in public client code: VIN callers handle 20 as 找不到该车型. */
export type OutOfTableCode = '20';

export type ErrorCode = VendorCode | OutOfTableCode;

export const ERROR_TEXTS: Readonly<Record<VendorCode, string>> = {
	'0': '识别成功',
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
	'-7': '未提供keyh或secret参数', // sic: the vendor's typo, kept so clients meet the real text
	'-8': '服务器IO错误。',
	'-49': '请求超时',
	'-51': '图片错误, 请换一张再重试',
	'-52': '系统繁忙, 请一会后访问',
	'-55': '客户端断开连接',
};

/** The texts callers show for codes outside the table (the service's own text for them is not known). */
export const OUT_OF_TABLE_TEXTS: Readonly<Record<OutOfTableCode, string>> = {
	'20': '找不到该车型',
};

const TEXTS: Readonly<Record<ErrorCode, string>> = { ...ERROR_TEXTS, ...OUT_OF_TABLE_TEXTS };

export function isErrorCode(value: string): value is ErrorCode {
	return Object.prototype.hasOwnProperty.call(TEXTS, value);
}

/**
 * Codes the recognition engine itself returns: a call ending with one of them is billed. 20 comes after
 * the VIN was read (the sandbox's reading of "vehicle model not found"), so it is billed too.
 */
export const RECOGNITION_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['0', '3', '19', '-51', '20']);

/** The text for the code, with a sandbox detail appended after a colon when there is one. */
export function errorMessage(code: ErrorCode, detail?: string): string {
	return detail ? `${TEXTS[code]}: ${detail}` : TEXTS[code];
}
