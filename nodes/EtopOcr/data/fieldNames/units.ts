import type { Unit } from './types';

/** How each unit may be printed after a number; the number is read only with one of these. */
export const UNIT_SPELLINGS: Readonly<Record<Unit, readonly string[]>> = {
	kg: ['kg', 'KG', 'Kg', '千克', '公斤'],
	km: ['km', 'KM', 'Km', '公里', '千米'],
	'm²': ['m²', 'm2', 'M2', '㎡', '平方米'],
	people: ['人'],
};
