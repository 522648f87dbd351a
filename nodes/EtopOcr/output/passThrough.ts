import type { IBinaryKeyData, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Options → Include Input Binary (`include`): the item carries the binary file its image was
 * read from (`from`: its field, or several joined with ", "; the whole PDF for a page of a PDF),
 * under its own name, beside the cropped images the result brings (a crop wins on a name clash).
 * An email's other attachments stay with their own items. Without a binary source (Image URL or
 * Base64 input, or no field matched) the item carries all of the input item's binary files.
 */
export function withInputBinary(context: IExecuteSingleFunctions, item: INodeExecutionData, include: boolean, from: string | null): INodeExecutionData {
	if (!include) return item;
	const input = context.getInputData().binary;
	if (!input || Object.keys(input).length === 0) return item;
	const names = from === null ? [] : from.split(', ').filter((name) => input[name] !== undefined);
	const own: IBinaryKeyData = names.length ? Object.fromEntries(names.map((name) => [name, input[name]])) : input;
	return { ...item, binary: { ...own, ...item.binary } };
}
