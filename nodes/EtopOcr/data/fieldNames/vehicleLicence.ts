import type { FieldDictionary } from './types';

/** Main page and counterpart (副页) of the vehicle licence (行驶证). */
export const VEHICLE_LICENCE: FieldDictionary = {
	family: 'vehicleLicence',
	title: 'Vehicle licence (main page and counterpart)',
	fields: [
		{ name: 'plateNumber', from: ['号牌号码', 'PlateNo'] },
		{ name: 'vehicleType', from: ['车辆类型', 'VehicleType'] },
		{ name: 'owner', from: ['所有人', 'Owner'] },
		{ name: 'address', from: ['住址', 'Address'] },
		{ name: 'useCharacter', from: ['使用性质', 'UseCharacter'] },
		{ name: 'model', from: ['品牌型号', 'Model'] },
		{ name: 'vin', from: ['车辆识别代号', 'VIN'] },
		{ name: 'engineNumber', from: ['发动机号码', 'EngineNo'] },
		{ name: 'registrationDate', from: ['注册日期', 'RegisterDate'], kind: 'date' },
		{ name: 'issueDate', from: ['发证日期', 'IssueDate'], kind: 'date' },
		{ name: 'fileNumber', from: ['档案编号', 'FileNo'] },
		{ name: 'approvedPassengers', from: ['核定载人数', 'ApprovedPassengers'], kind: 'number', unit: 'people' },
		{ name: 'totalMass', from: ['总质量', 'TotalMass'], kind: 'number', unit: 'kg' },
		{ name: 'curbWeight', from: ['整备质量', 'CurbWeight'], kind: 'number', unit: 'kg' },
		// Three numbers (length × width × height); one number would lose two of them.
		{ name: 'dimensions', from: ['外廓尺寸', 'Dimensions'] },
		{ name: 'inspectionRecord', from: ['检验记录', 'InspectionRecord'] },
	],
};
