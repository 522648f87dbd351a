import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { extractCroppedImages } from './croppedImages';
import { flattenFields } from './flatten';
import { buildMeta } from './meta';

/** The pid the request was sent with (a catalogue entry or the custom pid). */
export function requestedPid(context: IExecuteSingleFunctions): number {
	const documentType = context.getNodeParameter('documentType') as string;
	return documentType === 'custom' ? Number(context.getNodeParameter('customPid')) : Number(documentType);
}

/**
 * postReceive: shapes the parsed body for the next node. Simplified (default): flat fields a
 * no-code user can map plus a `meta` block; otherwise the body as returned. Cropped images
 * become binary fields in both cases.
 */
export async function formatOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	_response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const pid = requestedPid(this);

	return await Promise.all(
		items.map(async ({ json: body }) => {
			const { rest, images } = extractCroppedImages(body);
			const binary: IBinaryKeyData = {};
			for (const image of images) {
				binary[image.name] = await this.helpers.prepareBinaryData(
					image.bytes,
					`${image.name}.${image.format.extension}`,
					image.format.mimeType,
				);
			}
			const result: IDataObject = simplify
				? { ...flattenFields(rest), meta: buildMeta(pid, body) }
				: body;
			const json = options.includeInputFields ? { ...this.getInputData().json, ...result } : result;
			return images.length ? { json, binary } : { json };
		}),
	);
}
