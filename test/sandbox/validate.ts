import { ErrorCode } from './error-codes';
import { MAX_REQUEST_ID_CHARS } from './limits';
import { Product, productOf } from './catalogue';
import { RequestInput } from './request-input';
import { SandboxAccount, UploadField } from './types';

// The request rules, in the order the sandbox applies them (where the vendor's document is silent on the
// order, this is the sandbox's choice):
//   1  -7  key or secret missing or empty
//   2  -4  key unknown
//   3  -2  secret wrong
//   4  -1  account blocked
//   5  17  pid missing, not an integer, or not a product of the catalogue
//   6  -5  pid not among the account's allowedPids
//   7  -3  remainingCalls is 0
//   8  -6  none of file/mfile/urlPath (empty values count as absent), or more than one of them; where the
//          service takes `filedata` (profile.ts) read `filedata` for `file`: a `file` field is then not an image
//   9  16  the image: size > 5 MiB, `data:` prefix, bad base64, not JPEG/PNG/BMP/GIF/TIFF/WebP   (image-source.ts),
//          a PNG that does not decode, a TIFF whose directory or strips are broken                (image-decode.ts)
//  10  -8  urlPath could not be downloaded                                                    (image-source.ts)
//  11  19  requestId > 255 characters; removeImgData/openSeal/showPosition/imageCheckVaule not 0/1;
//          imageCheck not exactly five 0/1 digits (an empty optional parameter counts as absent)

export interface Rejection {
	rejected: true;
	code: ErrorCode;
	detail?: string;
}

export function reject(code: ErrorCode, detail?: string): Rejection {
	return detail === undefined ? { rejected: true, code } : { rejected: true, code, detail };
}

export function isRejection(v: unknown): v is Rejection {
	return typeof v === 'object' && v !== null && (v as Rejection).rejected === true;
}

export type ImageSource = UploadField | 'mfile' | 'urlPath';

export interface RecognitionOptions {
	requestId: string;
	/** removeImgData, default 1: true = no cropped images in the answer */
	removeImgData: boolean;
	openSeal: boolean;
	showPosition: boolean;
	/** five 0/1 digits: copy/screen, completeness, glare, blur, PS */
	imageCheck: string;
	/** imageCheckVaule (sic), default '1' = only report scores; '0' = fail with -51 below standard */
	imageCheckValue: '0' | '1';
}

const given = (fields: Map<string, string>, name: string): string | undefined => {
	const v = fields.get(name);
	return v === undefined || v === '' ? undefined : v;
};

export function checkAccount(fields: Map<string, string>, accounts: SandboxAccount[]): SandboxAccount | Rejection {
	const key = given(fields, 'key');
	const secret = given(fields, 'secret');
	if (key === undefined || secret === undefined) return reject('-7');
	const account = accounts.find((a) => a.key === key);
	if (!account) return reject('-4');
	if (account.secret !== secret) return reject('-2');
	if (account.state === 'blocked') return reject('-1');
	return account;
}

export function checkProduct(fields: Map<string, string>, account: SandboxAccount): Product | Rejection {
	const raw = given(fields, 'pid');
	if (raw === undefined) return reject('17', 'pid参数未提供');
	const product = /^[0-9]{1,9}$/.test(raw) ? productOf(Number(raw)) : undefined;
	if (!product) return reject('17', `pid=${raw}`);
	if (account.allowedPids && !account.allowedPids.includes(product.pid)) {
		return reject('-5', `该账户未开通pid=${product.pid}`);
	}
	return product;
}

export function checkQuota(account: SandboxAccount): Rejection | undefined {
	return account.remainingCalls !== undefined && account.remainingCalls <= 0 ? reject('-3') : undefined;
}

export function pickSource(input: RequestInput, uploadField: UploadField): ImageSource | Rejection {
	const present: ImageSource[] = [];
	if (given(input.fields, uploadField) !== undefined) present.push(uploadField);
	if (input.mfile && input.mfile.data.length > 0) present.push('mfile');
	if ((input.fields.get('urlPath') ?? '').trim() !== '') present.push('urlPath');
	if (present.length === 0) {
		const misnamed = uploadField === 'filedata' && given(input.fields, 'file') !== undefined ? '; 此接口的图片参数为filedata, 不是file' : '';
		return reject('-6', `${uploadField}、mfile和urlPath参数必须三个选一${misnamed}`);
	}
	if (present.length > 1) {
		return reject('-6', `${uploadField}、mfile和urlPath只能提供一个(exactly one), 收到: ${present.join(', ')}`);
	}
	return present[0];
}

const FLAGS = ['removeImgData', 'openSeal', 'showPosition', 'imageCheckVaule'] as const;

export function checkOptions(fields: Map<string, string>): RecognitionOptions | Rejection {
	const requestId = fields.get('requestId') ?? '';
	if ([...requestId].length > MAX_REQUEST_ID_CHARS) {
		return reject('19', `参数requestId长度超过${MAX_REQUEST_ID_CHARS}`);
	}
	for (const name of FLAGS) {
		const v = given(fields, name);
		if (v !== undefined && v !== '0' && v !== '1') return reject('19', `参数${name}只能为0或1`);
	}
	const imageCheck = given(fields, 'imageCheck') ?? '00000';
	if (!/^[01]{5}$/.test(imageCheck)) return reject('19', '参数imageCheck必须为5位0/1');
	return {
		requestId,
		removeImgData: given(fields, 'removeImgData') !== '0',
		openSeal: given(fields, 'openSeal') === '1',
		showPosition: given(fields, 'showPosition') === '1',
		imageCheck,
		imageCheckValue: given(fields, 'imageCheckVaule') === '0' ? '0' : '1',
	};
}
