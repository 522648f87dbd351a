import type { FieldDictionary } from './types';

/** Main page and counterpart (副页) of the driving licence. */
export const DRIVING_LICENCE: FieldDictionary = {
	family: 'drivingLicence',
	title: 'Driving licence (main page and counterpart)',
	fields: [
		{ name: 'licenceNumber', from: ['证号', 'CardNo'] },
		{ name: 'name', from: ['姓名', 'Name'] },
		{ name: 'sex', from: ['性别', 'Sex'], kind: 'sex' },
		{ name: 'nationality', from: ['国籍', 'Nationality'] },
		{ name: 'address', from: ['住址', 'Address'] },
		{ name: 'birthDate', from: ['出生日期', 'Birthday'], kind: 'date' },
		{ name: 'firstIssueDate', from: ['初次领证日期', 'IssueDate'], kind: 'date' },
		{ name: 'vehicleClass', from: ['准驾车型', 'Class'] },
		{ name: 'validFrom', from: ['有效起始日期', 'ValidFrom'], kind: 'date' },
		// A duration such as 10年 (six, ten years or long-term), not a range of dates.
		{ name: 'validFor', from: ['有效期限', 'ValidFor'] },
		{ name: 'fileNumber', from: ['档案编号', 'FileNo'] },
		{ name: 'record', from: ['记录', 'Record'] },
	],
};
