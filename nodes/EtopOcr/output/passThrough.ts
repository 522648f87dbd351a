import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Options → Include Input Binary: the item keeps the input item's binary files (the scan it was
 * read from) beside the cropped images the result brings; a crop wins on a name clash.
 */
export function withInputBinary(context: IExecuteSingleFunctions, item: INodeExecutionData): INodeExecutionData {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const input = context.getInputData().binary;
	if (options.includeInputBinary !== true || !input || Object.keys(input).length === 0) return item;
	return { ...item, binary: { ...input, ...item.binary } };
}
