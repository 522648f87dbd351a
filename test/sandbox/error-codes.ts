// ErrorCode values and the vendor's own texts for them (from its API document), sent as `ErrorMessage`.
// `ErrorCode` always travels as a string, as the service writes it.

export type ErrorCode =
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

export const ERROR_TEXTS: Readonly<Record<ErrorCode, string>> = {
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

export function isErrorCode(value: string): value is ErrorCode {
	return Object.prototype.hasOwnProperty.call(ERROR_TEXTS, value);
}

/** Codes the recognition engine itself returns: a call ending with one of them is billed. */
export const RECOGNITION_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['0', '3', '19', '-51']);

/** The vendor text, with a sandbox detail appended after a colon when there is one. */
export function errorMessage(code: ErrorCode, detail?: string): string {
	return detail ? `${ERROR_TEXTS[code]}: ${detail}` : ERROR_TEXTS[code];
}
