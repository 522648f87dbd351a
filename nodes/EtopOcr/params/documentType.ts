import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { CUSTOM_PID_VALUE, pidForDocumentType } from '../data/catalogue';
import { inputError } from '../shared/errors';

/** Reads one parameter of the item (parameters.ts). */
type Read = (name: string, fallback: unknown) => unknown;

function customPid(context: IExecuteSingleFunctions, read: Read): number {
	const value = read('customPid', '');
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^[1-9]\d{0,8}$/.test(text)) {
		throw inputError(
			context,
			`Product ID is ${JSON.stringify(value ?? null).slice(0, 40)}, not a positive whole number`,
			"Set Product ID to the product's pid as ETOP's product table gives it, e.g. 1099.",
		);
	}
	return Number(text);
}

/**
 * The pid of the item's request: the chosen document type, a name or pid an expression gave
 * (e.g. from an AI agent or an earlier auto-classification), or the custom Product ID.
 */
export function requestedPid(context: IExecuteSingleFunctions, read: Read): number {
	const value = read('documentType', undefined);
	if (value === CUSTOM_PID_VALUE) return customPid(context, read);
	const pid = pidForDocumentType(value);
	if (pid === undefined) {
		throw inputError(
			context,
			`Document Type is ${JSON.stringify(value ?? null).slice(0, 80)}, which is not a document type this node knows`,
			'Give a name from the Document Type list (e.g. VAT Invoice or 增值税发票) or its pid (e.g. 21). For a product the list does not have, choose Custom Product ID and enter its pid.',
		);
	}
	return pid;
}
