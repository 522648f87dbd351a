import type { FieldFamily } from '../catalogue';
import { BANK_CARD } from './bankCard';
import { BUSINESS_LICENCE } from './businessLicence';
import { COMMON_LISTS } from './common';
import { DRIVING_LICENCE } from './drivingLicence';
import { HOUSEHOLD_REGISTER } from './householdRegister';
import { ID_CARD } from './idCard';
import { MARRIAGE_CERTIFICATE } from './marriageCertificate';
import { PASSPORT } from './passport';
import { PLATE } from './plate';
import { PROPERTY_DEED } from './propertyDeed';
import { TICKET } from './ticket';
import type { FieldDictionary, FieldName, ListFieldNames, NamedFamily } from './types';
import { VAT_INVOICE } from './vatInvoice';
import { VEHICLE_LICENCE } from './vehicleLicence';
import { VIN } from './vin';

export type { FieldDictionary, FieldName, ListFieldNames, NamedFamily, Unit, ValueKind } from './types';
export { COMMON_LISTS } from './common';
export { UNIT_SPELLINGS } from './units';

/** One dictionary per family, in the order the README lists them. */
export const FIELD_DICTIONARIES: Readonly<Record<NamedFamily, FieldDictionary>> = {
	idCard: ID_CARD,
	passport: PASSPORT,
	bankCard: BANK_CARD,
	householdRegister: HOUSEHOLD_REGISTER,
	marriageCertificate: MARRIAGE_CERTIFICATE,
	drivingLicence: DRIVING_LICENCE,
	vehicleLicence: VEHICLE_LICENCE,
	plate: PLATE,
	vin: VIN,
	vatInvoice: VAT_INVOICE,
	ticket: TICKET,
	propertyDeed: PROPERTY_DEED,
	businessLicence: BUSINESS_LICENCE,
};

type NameMap = ReadonlyMap<string, FieldName>;

function nameMap(fields: readonly FieldName[]): NameMap {
	return new Map(fields.flatMap((field) => field.from.map((name) => [name, field] as const)));
}

interface Lookup {
	fields: NameMap;
	lists: ReadonlyMap<string, NameMap>;
}

function listMaps(lists: readonly ListFieldNames[]): Map<string, NameMap> {
	return new Map(lists.flatMap((list) => list.from.map((name) => [name, nameMap(list.fields)] as const)));
}

const COMMON: Lookup = { fields: new Map(), lists: listMaps(COMMON_LISTS) };

const LOOKUPS = new Map<FieldFamily, Lookup>(
	Object.values(FIELD_DICTIONARIES).map((dictionary) => [
		dictionary.family,
		{
			fields: nameMap(dictionary.fields),
			lists: new Map([...COMMON.lists, ...listMaps(dictionary.lists ?? [])]),
		},
	]),
);

/**
 * The English name for a field of a document of `family`, or undefined when the dictionary does
 * not know it. `within` are the lists the field sat in (innermost last): inside a list the
 * dictionary knows (line items, seals), only that list's names apply, because a line item's 金额
 * is not the invoice's.
 */
export function lookupFieldName(family: FieldFamily, name: string, within: readonly string[]): FieldName | undefined {
	const lookup = LOOKUPS.get(family) ?? COMMON;
	for (let index = within.length - 1; index >= 0; index--) {
		const list = lookup.lists.get(within[index]);
		if (list) return list.get(name);
	}
	return lookup.fields.get(name);
}
