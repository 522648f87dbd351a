import type { IBinaryKeyData, IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import type { NodeParameters, OutputSettings } from '../params/parameters';
import { extractCroppedImages, type CroppedImage } from './croppedImages';
import { shapeDocument, type ShapedDocument } from './documents';
import { documentParts } from './documentParts';
import { layOut } from './layout';
import { buildMeta, documentMeta, type DocumentsInItem } from './meta';

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

const nonEmpty = (name: string, map: object): IDataObject => (Object.keys(map).length ? { [name]: map } : {});

/**
 * Flat fields of the item's documents, their positions when asked, and the meta block with what
 * the service said about the fields: labels, scores and other entry members, when it sent any.
 */
function simplified(documents: ShapedDocument[], meta: IDataObject, placement: Omit<DocumentsInItem, 'documents'>, settings: OutputSettings): IDataObject {
	const laid = layOut(documents.flatMap((document) => document.fields));
	const json: IDataObject = { ...laid.fields };
	if (settings.positions) json.fieldPositions = laid.positions;
	json.meta = {
		...meta,
		...documentMeta({ documents, ...placement }),
		...nonEmpty('labels', laid.labels),
		...nonEmpty('scores', laid.scores),
		...nonEmpty('fieldDetails', laid.details),
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
	// The parts are looked for once unless taking the crops out changed the body.
	const parts = settings.oneItemPerDocument ? documentParts(body) : undefined;
	if (parts && parts.length > 1) {
		// Each document keeps its own crops: the image of a receipt goes with that receipt's item.
		return parts.map((part, index) => {
			const { rest, images } = extractCroppedImages(part, settings.crops, pid);
			const document = shapeDocument(rest, pid, settings);
			return { json: simplified([document], meta, { count: parts.length, index }, settings), images };
		});
	}
	const { rest, images } = extractCroppedImages(body, settings.crops, pid);
	const documents = (parts && rest === body ? parts : documentParts(rest)).map((part) => shapeDocument(part, pid, settings));
	const index = settings.oneItemPerDocument && documents.length === 1 ? { index: 0 } : {};
	return [{ json: simplified(documents, meta, { count: documents.length, ...index }, settings), images }];
}

/** The body as returned, but for its crops: binary properties when asked, else dropped. */
function rawBody(body: IDataObject, pid: number, settings: OutputSettings): { json: IDataObject; images: CroppedImage[] } {
	const { rest, images } = extractCroppedImages(body, settings.crops, pid);
	return { json: rest as IDataObject, images };
}

/**
 * Shapes the parsed body for the next node. Simplified (default): flat fields a no-code user can
 * map (English names, normalized values unless turned off, one item per document if asked) plus
 * a `meta` block; otherwise the body as returned. In both, crops become binary properties with
 * Return Cropped Images and are dropped without it. The request hook pairs every item returned
 * here to the input item.
 */
export async function formatOutput(context: IExecuteSingleFunctions, body: IDataObject, { pid, output: settings }: NodeParameters): Promise<INodeExecutionData[]> {
	const input = settings.includeInputFields ? context.getInputData().json : {};
	const shaped = settings.simplify ? shapeBody(body, pid, settings) : [rawBody(body, pid, settings)];
	const results: INodeExecutionData[] = [];
	for (const { json, images } of shaped) {
		const item: INodeExecutionData = { json: settings.includeInputFields ? { ...input, ...json } : json };
		if (images.length) item.binary = await binaryOf(context, images);
		results.push(item);
	}
	return results;
}
