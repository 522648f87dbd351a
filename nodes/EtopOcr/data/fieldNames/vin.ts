import type { FieldDictionary } from './types';

/** The VIN code: the body public client code shows is `{VIN: '…'}`. */
export const VIN: FieldDictionary = {
	family: 'vin',
	title: 'VIN code',
	fields: [{ name: 'vin', from: ['VIN', 'VIN码'] }],
};
