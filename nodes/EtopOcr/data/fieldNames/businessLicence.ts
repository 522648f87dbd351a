import type { FieldDictionary } from './types';

export const BUSINESS_LICENCE: FieldDictionary = {
	family: 'businessLicence',
	title: 'Business licence',
	fields: [
		{ name: 'creditCode', from: ['统一社会信用代码', 'CreditCode'] },
		{ name: 'companyName', from: ['名称', 'Name'] },
		{ name: 'companyType', from: ['类型', 'Type'] },
		{ name: 'legalRepresentative', from: ['法定代表人', 'LegalPerson'] },
		// Printed in uppercase Chinese numerals (壹佰万元整): kept as text.
		{ name: 'registeredCapital', from: ['注册资本', 'RegisteredCapital'] },
		{ name: 'establishmentDate', from: ['成立日期', 'FoundDate'], kind: 'date' },
		{ name: 'businessTerm', from: ['营业期限', 'BusinessTerm'], kind: 'dateRange' },
		{ name: 'address', from: ['住所', 'Address'] },
		{ name: 'businessScope', from: ['经营范围', 'BusinessScope'] },
		{ name: 'registrationAuthority', from: ['登记机关', 'RegisterAuthority'] },
		{ name: 'approvalDate', from: ['核准日期', 'ApprovalDate'], kind: 'date' },
	],
};
