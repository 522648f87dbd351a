import type { FieldDictionary } from './types';

/**
 * Both sides of the ID card (人像页 and 国徽页) and the temporary ID card. The front page's keys and
 * labels are the ones real answers carry (`IDNum` 身份证号码 … `Address` 地址); the back's are the sandbox's.
 */
export const ID_CARD: FieldDictionary = {
	family: 'idCard',
	title: 'ID card (front and back), temporary ID card',
	fields: [
		{ name: 'name', from: ['姓名', 'Name'] },
		{ name: 'sex', from: ['性别', 'Sex'], kind: 'sex' },
		{ name: 'ethnicity', from: ['民族', 'Nation'] },
		{ name: 'birthDate', from: ['出生', 'Birth'], kind: 'date' },
		{ name: 'address', from: ['地址', 'Address'] },
		{ name: 'idNumber', from: ['身份证号码', 'IDNum'] },
		{ name: 'issuingAuthority', from: ['签发机关', 'IssueAuthority'] },
		{ name: 'validPeriod', from: ['有效期限', 'ValidPeriod'], kind: 'dateRange' },
	],
};
