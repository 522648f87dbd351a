/**
 * The non-zero `ErrorCode` values of the ETOP OCR API, from the vendor's error table. The service
 * answers HTTP 200 with `ErrorCode` as a string; '0' means success and is therefore not listed.
 * The vendor's table has 17 rows including '0', so 16 errors.
 */

/**
 * What the user has to look at:
 * - document: the image is not the chosen Document Type
 * - image: the image itself (format, quality, content)
 * - account: the ETOP account or the credential
 * - request: what the node sent (pid, parameters)
 * - transient: the service or the connection; the same call may work later
 * - service: anything else the service reports, including codes this table does not know
 */
export type ErrorKind = 'document' | 'image' | 'account' | 'request' | 'transient' | 'service';

export interface EtopErrorInfo {
	code: string;
	/** Clear English. */
	message: string;
	/**
	 * The vendor's text, verbatim (typos and punctuation included), so it can be searched for.
	 * Empty for codes the vendor's table does not list.
	 */
	messageZh: string;
	/** What the user should do about it. */
	hint: string;
	kind: ErrorKind;
	/** Worth retrying unchanged: the wording says the failure is temporary (-8, -49, -52, -55). */
	transient: boolean;
}

const CREDENTIAL_HINT =
	'Check the key and the secret in the ETOP credential; both are shown in the ETOP console after logging in';

const TABLE: EtopErrorInfo[] = [
	{
		code: '3',
		message: 'The image is not a document of the chosen type',
		messageZh: '非该类型证件',
		hint: 'Pick the Document Type that matches the image, or send an image of the chosen document',
		kind: 'document',
		transient: false,
	},
	{
		code: '16',
		message: 'The image file format is not supported',
		messageZh: '不支持的图像文件',
		hint: 'Send a common image format such as JPG or PNG; convert other files (e.g. PDF) to an image first',
		kind: 'image',
		transient: false,
	},
	{
		code: '17',
		message: 'The product (pid) is not defined',
		messageZh: '未定义的产品类型',
		hint: 'Pick a Document Type from the list, or check the Product ID against the ETOP documentation',
		kind: 'request',
		transient: false,
	},
	{
		code: '19',
		message: 'Recognition failed',
		messageZh: '识别失败',
		hint: 'Send a clearer, complete, well-lit image of the document, and check that the Document Type is right',
		kind: 'image',
		transient: false,
	},
	{
		code: '-1',
		message: 'The ETOP user is blocked',
		messageZh: '用户已屏蔽',
		hint: 'Contact ETOP support to have the account unblocked',
		kind: 'account',
		transient: false,
	},
	{
		code: '-2',
		message: 'The key or secret is wrong',
		messageZh: '用户key或secret验证错误。',
		hint: CREDENTIAL_HINT,
		kind: 'account',
		transient: false,
	},
	{
		code: '-3',
		message: 'No calls left on the ETOP account',
		messageZh: '服务次数不足。',
		hint: 'Top up calls for this product in the ETOP console',
		kind: 'account',
		transient: false,
	},
	{
		code: '-4',
		message: 'The ETOP user was not found',
		messageZh: '用户未找到。',
		hint: `${CREDENTIAL_HINT}; the key may belong to a deleted account`,
		kind: 'account',
		transient: false,
	},
	{
		code: '-5',
		message: 'The recognition type is not supported',
		messageZh: '未支持的识别类型。',
		hint: 'Pick another Document Type, or ask ETOP support to enable this product for the account',
		kind: 'request',
		transient: false,
	},
	{
		code: '-6',
		message: 'No image was sent (the file parameter is missing)',
		messageZh: 'file参数未提供。',
		hint: 'Check that the input item has the binary property, URL or base64 text the node is set to read',
		kind: 'request',
		transient: false,
	},
	{
		// The vendor writes 'keyh'; kept verbatim in messageZh.
		code: '-7',
		message: 'The key or secret was not sent',
		messageZh: '未提供keyh或secret参数',
		hint: 'Fill in both the key and the secret in the ETOP credential',
		kind: 'account',
		transient: false,
	},
	{
		code: '-8',
		message: 'Server IO error',
		messageZh: '服务器IO错误。',
		hint: 'Retry later; contact ETOP support if it keeps happening',
		kind: 'transient',
		transient: true,
	},
	{
		code: '-49',
		message: 'The request timed out',
		messageZh: '请求超时',
		hint: 'Retry later, or send a smaller image',
		kind: 'transient',
		transient: true,
	},
	{
		code: '-51',
		message: 'The image is faulty',
		messageZh: '图片错误, 请换一张再重试',
		hint: 'Send another image; check that the file is a complete, readable picture',
		kind: 'image',
		transient: false,
	},
	{
		code: '-52',
		message: 'The system is busy',
		messageZh: '系统繁忙, 请一会后访问',
		hint: 'Retry in a moment, and send fewer images at the same time',
		kind: 'transient',
		transient: true,
	},
	{
		code: '-55',
		message: 'The client disconnected',
		messageZh: '客户端断开连接',
		hint: 'Retry; if it keeps happening, raise the request timeout or check the network',
		kind: 'transient',
		transient: true,
	},
];

export const ETOP_ERRORS: Readonly<Record<string, EtopErrorInfo>> = Object.freeze(
	Object.fromEntries(TABLE.map((info) => [info.code, Object.freeze(info)])),
);

/**
 * Codes outside the vendor's table that real callers handle, with what they take them to mean
 * (etop-api-facts.md). Their messages say the code is not in the table, and what it is read as.
 */
const OUTSIDE_TABLE: Readonly<Record<string, { meaning: string; messageZh: string; hint: string }>> = {
	'20': {
		meaning: 'callers of the VIN product read it as "vehicle model not found"',
		messageZh: '找不到该车型',
		hint: 'The VIN was read but ETOP knows no vehicle model for it; check the VIN, or treat the vehicle as unknown',
	},
};

/**
 * The table entry for an `ErrorCode`, or a 'service' entry that names the code and says it is not
 * in ETOP's published table (the vendor adds codes; a node must still report them). Never throws.
 */
export function describeErrorCode(code: string): EtopErrorInfo {
	const key = String(code).trim();
	if (Object.prototype.hasOwnProperty.call(ETOP_ERRORS, key)) return ETOP_ERRORS[key];
	const known = Object.prototype.hasOwnProperty.call(OUTSIDE_TABLE, key) ? OUTSIDE_TABLE[key] : undefined;
	return {
		code: key,
		message: `The ETOP service answered with error code ${key}, which is not in ETOP's published error table${known ? `; ${known.meaning}` : ''}`,
		messageZh: known?.messageZh ?? '',
		hint: known?.hint ?? 'Check the ETOP documentation for this code, or contact ETOP support with the request ID',
		kind: 'service',
		transient: false,
	};
}
