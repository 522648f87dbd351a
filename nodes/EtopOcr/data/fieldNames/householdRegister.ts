import type { FieldDictionary } from './types';

/** Main page (the household) and personal pages (each member) of the household register. */
export const HOUSEHOLD_REGISTER: FieldDictionary = {
	family: 'householdRegister',
	title: 'Household register (main page and personal page)',
	fields: [
		{ name: 'householdType', from: ['户别', 'HouseholdType'] },
		{ name: 'headOfHousehold', from: ['户主姓名', 'HeadName'] },
		{ name: 'householdNumber', from: ['户号', 'HouseholdNo'] },
		{ name: 'address', from: ['住址', 'Address'] },
		{ name: 'registrar', from: ['承办人签章', 'Issuer'] },
		{ name: 'issueDate', from: ['签发日期', 'IssueDate'], kind: 'date' },
		{ name: 'name', from: ['姓名', 'Name'] },
		{ name: 'relationToHead', from: ['户主或与户主关系', 'Relation'] },
		{ name: 'formerName', from: ['曾用名', 'FormerName'] },
		{ name: 'sex', from: ['性别', 'Sex'], kind: 'sex' },
		{ name: 'birthPlace', from: ['出生地', 'BirthPlace'] },
		{ name: 'ethnicity', from: ['民族', 'Nation'] },
		{ name: 'nativePlace', from: ['籍贯', 'NativePlace'] },
		{ name: 'birthDate', from: ['出生日期', 'Birthday'], kind: 'date' },
		{ name: 'idNumber', from: ['公民身份证件编号', 'IDNum'] },
		{ name: 'education', from: ['文化程度', 'Education'] },
		{ name: 'maritalStatus', from: ['婚姻状况', 'Marriage'] },
		{ name: 'employer', from: ['服务处所', 'Employer'] },
		{ name: 'occupation', from: ['职业', 'Occupation'] },
	],
};
