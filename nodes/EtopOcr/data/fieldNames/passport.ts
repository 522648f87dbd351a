import type { FieldDictionary } from './types';

/**
 * The passport and the travel permits that carry the same holder data (the catalogue puts the
 * Mainland Travel Permit and the front of the Hong Kong & Macao permit in this family).
 */
export const PASSPORT: FieldDictionary = {
	family: 'passport',
	title: 'Passport, travel permits',
	fields: [
		{ name: 'passportType', from: ['护照类型', 'PassportType'] },
		{ name: 'countryCode', from: ['国家码', 'CountryCode'] },
		{ name: 'passportNumber', from: ['护照号码', 'PassportNo'] },
		{ name: 'documentNumber', from: ['证件号码', 'CardNo'] },
		{ name: 'name', from: ['姓名', '中文姓名', 'Name', 'NameCn'] },
		{ name: 'englishName', from: ['姓名拼音', '英文姓名', 'NameEn'] },
		{ name: 'sex', from: ['性别', 'Sex'], kind: 'sex' },
		{ name: 'birthDate', from: ['出生日期', 'Birthday'], kind: 'date' },
		{ name: 'birthPlace', from: ['出生地点', 'BirthPlace'] },
		{ name: 'issueDate', from: ['签发日期', 'IssueDate'], kind: 'date' },
		{ name: 'issuePlace', from: ['签发地点', 'IssuePlace'] },
		{ name: 'issuingAuthority', from: ['签发机关', 'IssueAuthority'] },
		{ name: 'expiryDate', from: ['有效期至', 'ExpiryDate'], kind: 'date' },
		{ name: 'validPeriod', from: ['有效期限', 'ValidPeriod'], kind: 'dateRange' },
		{ name: 'renewalCount', from: ['换证次数', 'Renewals'], kind: 'number' },
		// The machine-readable zone stays text: its filler '<' and check digits are the point.
		{ name: 'mrzLine1', from: ['MRZ1'] },
		{ name: 'mrzLine2', from: ['MRZ2'] },
	],
};
