import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { requestedPid } from '../input/documentType';
import { extractCroppedImages, type CroppedImage } from './croppedImages';
import { shapeDocument, type ShapedDocument } from './documents';
import { documentParts } from './flatten';
import { layOut } from './layout';
import { buildMeta, documentMeta, type DocumentsInItem } from './meta';
import type { FieldNaming, ShapeSettings } from './shapeFields';

interface OutputSettings extends ShapeSettings {
	simplify: boolean;
	oneItemPerDocument: boolean;
	/** Return Field Positions: `fieldPositions` is then always there, empty if none came. */
	positions: boolean;
	includeInputFields: boolean;
}

function readSettings(context: IExecuteSingleFunctions): OutputSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		simplify: context.getNodeParameter('simplify', true) as boolean,
		naming: (options.fieldNames ?? 'english') as FieldNaming,
		// On unless turned off: an option not added to the collection is on.
		normalize: options.normalizeValues !== false,
		oneItemPerDocument: options.oneItemPerDocument === true,
		positions: options.returnPositions === true,
		includeInputFields: options.includeInputFields === true,
	};
}

async function binaryOf(context: IExecuteSingleFunctions, images: CroppedImage[]): Promise<IBinaryKeyData> {
	const binary: IBinaryKeyData = {};
	for (const image of images) {
		binary[image.name] = await context.helpers.prepareBinaryData(
			image.bytes,
			`${image.name}.${image.format.extension}`,
			image.format.mimeType,
		);
	}
	return binary;
}

/** Flat fields of the item's documents, their positions, and the meta block. */
function simplified(documents: ShapedDocument[], meta: IDataObject, placement: Omit<DocumentsInItem, 'documents'>, settings: OutputSettings): IDataObject {
	const laid = layOut(documents.flatMap((document) => document.fields));
	const json: IDataObject = { ...laid.fields };
	if (settings.positions || Object.keys(laid.positions).length) json.fieldPositions = laid.positions;
	json.meta = {
		...meta,
		...documentMeta({ documents, ...placement }),
		...(settings.normalize ? { unparsed: laid.unparsed } : {}),
	};
	return json;
}

/**
 * The simplified item(s) of one body: one per document in One Item per Document mode when the
 * image holds several, else one (also for an image in which the service found nothing).
 */
function shapeBody(body: IDataObject, pid: number, settings: OutputSettings): Array<{ json: IDataObject; images: CroppedImage[] }> {
	const meta = buildMeta(pid, body);
	const parts = documentParts(body);
	if (settings.oneItemPerDocument && parts.length > 1) {
		// Each document keeps its own crops: the image of a receipt goes with that receipt's item.
		return parts.map((part, index) => {
			const { rest, images } = extractCroppedImages(part);
			const document = shapeDocument(rest, pid, settings);
			return { json: simplified([document], meta, { count: parts.length, index }, settings), images };
		});
	}
	const { rest, images } = extractCroppedImages(body);
	const documents = documentParts(rest).map((part) => shapeDocument(part, pid, settings));
	const index = settings.oneItemPerDocument && documents.length === 1 ? { index: 0 } : {};
	return [{ json: simplified(documents, meta, { count: documents.length, ...index }, settings), images }];
}

/**
 * postReceive: shapes the parsed body for the next node. Simplified (default): flat fields a
 * no-code user can map (English names, optionally normalized values, one item per document if
 * asked) plus a `meta` block; otherwise the body as returned. Cropped images become binary
 * fields in both cases. The request hook pairs every item returned here to the input item.
 */
export async function formatOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	_response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const settings = readSettings(this);
	const pid = requestedPid(this);
	const input = settings.includeInputFields ? this.getInputData().json : {};
	const results: INodeExecutionData[] = [];
	for (const { json: body } of items) {
		const shaped = settings.simplify
			? shapeBody(body, pid, settings)
			: [{ json: body, images: extractCroppedImages(body).images }];
		for (const { json, images } of shaped) {
			const item: INodeExecutionData = { json: settings.includeInputFields ? { ...input, ...json } : json };
			if (images.length) item.binary = await binaryOf(this, images);
			results.push(item);
		}
	}
	return results;
}
