import type { FieldDictionary } from './types';

/** Licence plates: 车牌号 and 车牌颜色 are the names public client code shows. */
export const PLATE: FieldDictionary = {
	family: 'plate',
	title: 'Licence plate',
	fields: [
		{ name: 'plateNumber', from: ['车牌号', 'PlateNo'] },
		{ name: 'plateColor', from: ['车牌颜色', 'PlateColor'] },
	],
};
