import type { INodeExecutionData, IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Options → Include Input Binary (`include`): the item keeps the input item's binary files (the
 * scan it was read from) beside the cropped images the result brings; a crop wins on a name clash.
 */
export function withInputBinary(context: IExecuteSingleFunctions, item: INodeExecutionData, include: boolean): INodeExecutionData {
	if (!include) return item;
	const input = context.getInputData().binary;
	if (!input || Object.keys(input).length === 0) return item;
	return { ...item, binary: { ...input, ...item.binary } };
}
