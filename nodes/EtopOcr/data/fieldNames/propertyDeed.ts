import type { FieldDictionary } from './types';

/**
 * Real estate certificates, registration certificates (mortgages) and the older property
 * ownership certificates. Each prints its number and owner under its own label.
 */
export const PROPERTY_DEED: FieldDictionary = {
	family: 'propertyDeed',
	title: 'Real estate certificate, registration certificate, property ownership certificate',
	fields: [
		{ name: 'certificateNumber', from: ['不动产权证号', '不动产登记证明号', '房产证号', '证号', 'CertNo'] },
		{ name: 'owner', from: ['权利人', '房屋所有权人', 'Owner'] },
		{ name: 'coOwnership', from: ['共有情况', 'CoOwnership'] },
		{ name: 'location', from: ['坐落', '房屋坐落', 'Location'] },
		{ name: 'unitNumber', from: ['不动产单元号', 'UnitNo'] },
		{ name: 'rightType', from: ['权利类型', 'RightType'] },
		{ name: 'rightNature', from: ['权利性质', 'RightNature'] },
		{ name: 'propertyNature', from: ['房屋性质', 'Nature'] },
		{ name: 'usage', from: ['用途', '规划用途', 'Usage'] },
		// In square metres; a text with two areas (land and building) stays text and is flagged.
		{ name: 'area', from: ['面积', '建筑面积', 'Area'], kind: 'number', unit: 'm²' },
		{ name: 'floorCount', from: ['总层数', 'Floors'], kind: 'number' },
		{ name: 'useTerm', from: ['使用期限', 'Term'], kind: 'dateRange' },
		{ name: 'registrationDate', from: ['登记时间', '登记日期', 'RegisterDate'], kind: 'date' },
		{ name: 'certifiedMatter', from: ['证明权利或事项', 'Matter'] },
		{ name: 'obligee', from: ['权利人(申请人)', 'Obligee'] },
		{ name: 'obligor', from: ['义务人', 'Obligor'] },
		{ name: 'otherInformation', from: ['其他', 'Other'] },
	],
};
