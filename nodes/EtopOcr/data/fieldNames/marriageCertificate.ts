import type { FieldDictionary } from './types';

/** Marriage and divorce certificates: the same holder and couple fields. */
export const MARRIAGE_CERTIFICATE: FieldDictionary = {
	family: 'marriageCertificate',
	title: 'Marriage certificate, divorce certificate',
	fields: [
		{ name: 'holder', from: ['持证人', 'Holder'] },
		{ name: 'registrationDate', from: ['登记日期', 'RegisterDate'], kind: 'date' },
		{ name: 'certificateNumber', from: ['结婚证字号', '离婚证字号', 'CertNo'] },
		{ name: 'husbandName', from: ['男方姓名', 'HusbandName'] },
		{ name: 'husbandIdNumber', from: ['男方身份证件号', 'HusbandIdNo'] },
		{ name: 'wifeName', from: ['女方姓名', 'WifeName'] },
		{ name: 'wifeIdNumber', from: ['女方身份证件号', 'WifeIdNo'] },
		{ name: 'remarks', from: ['备注', 'Remark'] },
	],
};
