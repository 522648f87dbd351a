import type { FieldDictionary } from './types';

/**
 * Main page and counterpart (副页) of the vehicle licence (行驶证), with the keys and labels real
 * answers carry (`PlateNo` 号牌号码, `VType` 车辆类型 …).
 */
export const VEHICLE_LICENCE: FieldDictionary = {
	family: 'vehicleLicence',
	title: 'Vehicle licence (main page and counterpart)',
	fields: [
		{ name: 'plateNumber', from: ['号牌号码', 'PlateNo'] },
		{ name: 'vehicleType', from: ['车辆类型', 'VType'] },
		{ name: 'owner', from: ['所有人', 'Owner'] },
		{ name: 'address', from: ['地址', 'Address'] },
		{ name: 'useCharacter', from: ['使用性质', 'UseCharacter'] },
		{ name: 'model', from: ['品牌型号', 'Model'] },
		{ name: 'vin', from: ['车辆识别代码', 'VIN'] },
		{ name: 'engineNumber', from: ['发动机号', 'EngineNo'] },
		{ name: 'registrationDate', from: ['注册日期', 'RegisterDate'], kind: 'date' },
		{ name: 'issueDate', from: ['发证日期', 'IssueDate'], kind: 'date' },
		// The counterpart page: real answers send its entries with a label only, no key.
		{ name: 'fileNumber', from: ['档案编号'] },
		{ name: 'approvedPassengers', from: ['核定载人数'], kind: 'number', unit: 'people' },
		{ name: 'totalMass', from: ['总质量'], kind: 'number', unit: 'kg' },
		{ name: 'curbWeight', from: ['整备质量'], kind: 'number', unit: 'kg' },
		{ name: 'approvedLoad', from: ['核定载质量'], kind: 'number', unit: 'kg' },
		// Three numbers (length × width × height); one number would lose two of them.
		{ name: 'dimensions', from: ['外廓尺寸'] },
		{ name: 'remarks', from: ['备注'] },
		{ name: 'inspectionRecord', from: ['检验记录'] },
	],
};
