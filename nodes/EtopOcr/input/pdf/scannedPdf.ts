// A scanned PDF is a wrapper around one image per page. This finds each page's image without
// rendering anything: the page tree gives the pages, each page's content stream says which
// image it draws and how large, and a JPEG page image (/DCTDecode) is the JPEG file itself,
// returned as a view of the PDF's bytes.

import { settle } from '../../shared/settle';
import { PdfDecodeError, PdfDocument } from './document';
import { pageImageEncoding, type PageImageFormat } from './pageImage';
import { PdfError, RENDER_FIX, type PdfProblem } from './problem';
import { isDict, isStream, nameOf, Parser, PdfKeyword, PdfName, PdfSyntaxError, type PdfDict, type PdfStream, type PdfValue } from './syntax';

export { PdfError, type PdfProblem } from './problem';

export interface PdfPageImage {
	page: number;
	/** The image stream's data as stored in the PDF (a view of the PDF's bytes, not a copy). */
	stored: Uint8Array;
	/** What is sent: a JPEG as stored; a PNG or TIFF made from the stored pixels or fax data. */
	format: PageImageFormat;
	extension: string;
	/** Makes the image file from `stored` (or the same bytes of the PDF read again); throws PdfError. */
	encode(stored: Uint8Array): Uint8Array;
	width: number;
	height: number;
	/** The page also holds text (a "searchable" scan with a text layer from an earlier OCR). */
	textLayer: boolean;
}

export type PdfPage = ({ kind: 'image' } & PdfPageImage) | ({ kind: 'problem'; page: number } & PdfProblem);

export interface ScannedPdf {
	pageCount: number;
	pages: PdfPage[];
}

const DIGITAL_FIX =
	"A digital PDF already holds its text: read it with n8n's Extract From File node (operation Extract From PDF), which needs no ETOP call.";

/** A drawn image must cover this share of the page to count as the page's scan. */
const SCAN_COVERAGE = 0.5;
/** Another image this large beside the scan means the page is a collage the node cannot send as one image. */
const SECOND_IMAGE_COVERAGE = 0.2;
const MAX_FORM_DEPTH = 4;
const MAX_TREE_DEPTH = 64;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix {
	return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function asMatrix(value: PdfValue | undefined): Matrix | undefined {
	return Array.isArray(value) && value.length === 6 && value.every((item) => typeof item === 'number') ? (value as Matrix) : undefined;
}

interface DrawnImage {
	stream: PdfStream;
	/** Area on the page in square points (the unit square through the drawing matrix). */
	area: number;
}

interface PageContent {
	images: DrawnImage[];
	text: boolean;
	inlineImages: number;
}

class PageReader {
	constructor(private readonly doc: PdfDocument) {}

	/** The page dictionaries in order, each with the resources it inherits. */
	pages(): Array<{ page: PdfDict; resources?: PdfDict; box?: number[] }> {
		const root = this.doc.dict(this.doc.trailer, 'Root');
		const tree = this.doc.dict(root, 'Pages');
		if (!tree) throw new PdfSyntaxError('the document has no page tree');
		const out: Array<{ page: PdfDict; resources?: PdfDict; box?: number[] }> = [];
		const seen = new Set<PdfDict>();
		const walk = (node: PdfDict, resources: PdfDict | undefined, box: number[] | undefined, depth: number) => {
			if (seen.has(node) || depth > MAX_TREE_DEPTH) return;
			seen.add(node);
			const ownResources = this.doc.dict(node, 'Resources') ?? resources;
			const ownBox = this.box(this.doc.get(node, 'MediaBox')) ?? box;
			const kids = this.doc.get(node, 'Kids');
			if (Array.isArray(kids)) {
				for (const kid of kids) {
					const child = this.doc.resolve(kid);
					if (isDict(child)) walk(child, ownResources, ownBox, depth + 1);
				}
			} else {
				out.push({ page: node, resources: ownResources, box: ownBox });
			}
		};
		walk(tree, undefined, undefined, 0);
		return out;
	}

	private box(value: PdfValue | undefined): number[] | undefined {
		const items = Array.isArray(value) ? value.map((item) => this.doc.resolve(item)) : [];
		return items.length === 4 && items.every((item) => typeof item === 'number') ? (items as number[]) : undefined;
	}

	/** The decoded content of the page (or form): its streams joined, or undefined if unreadable. */
	content(value: PdfValue | undefined): Uint8Array | undefined {
		const resolved = this.doc.resolve(value);
		const streams = (Array.isArray(resolved) ? resolved.map((item) => this.doc.resolve(item)) : [resolved]).filter(isStream);
		const decoded = settle(() => streams.map((stream) => this.doc.decode(stream).data));
		if (!decoded.ok) {
			if (decoded.error instanceof PdfDecodeError) return undefined;
			throw decoded.error;
		}
		const parts = decoded.value;
		const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0));
		let at = 0;
		for (const part of parts) {
			joined.set(part, at);
			joined[at + part.length] = 0x0a;
			at += part.length + 1;
		}
		return joined;
	}

	/**
	 * What a content stream draws: images with their size on the page (following forms), whether
	 * it shows text, and how many inline images it has. Without readable content, every image in
	 * the resources counts, with an unknown size.
	 */
	scan(content: Uint8Array | undefined, resources: PdfDict | undefined, base: Matrix, depth: number, into: PageContent) {
		const xobjects = this.doc.dict(resources, 'XObject');
		if (!content) {
			for (const value of xobjects?.values() ?? []) {
				const stream = this.doc.resolve(value);
				if (isStream(stream) && nameOf(this.doc.get(stream.dict, 'Subtype')) === 'Image') into.images.push({ stream, area: Number.NaN });
			}
			return;
		}
		const parser = new Parser(content);
		const operands: Array<PdfValue> = [];
		const stack: Matrix[] = [];
		let matrix = base;
		while (!parser.atEnd()) {
			let token: PdfValue | PdfKeyword;
			try {
				token = parser.next();
			} catch {
				return;
			}
			if (!(token instanceof PdfKeyword)) {
				operands.push(token);
				continue;
			}
			const operator = token.word;
			if (operator === 'q') stack.push(matrix);
			else if (operator === 'Q') matrix = stack.pop() ?? base;
			else if (operator === 'cm') {
				const given = asMatrix(operands.slice(-6));
				if (given) matrix = multiply(given, matrix);
			} else if (operator === 'BT' || operator === 'Tj' || operator === 'TJ' || operator === "'" || operator === '"') {
				if (operator !== 'BT') into.text = true;
			} else if (operator === 'BI') {
				into.inlineImages++;
				const end = this.inlineImageEnd(content, parser.position);
				if (end < 0) return;
				parser.position = end;
			} else if (operator === 'Do') {
				const name = operands[operands.length - 1];
				if (name instanceof PdfName) this.drawObject(xobjects?.get(name.name), matrix, resources, depth, into);
			}
			operands.length = 0;
		}
	}

	private drawObject(value: PdfValue | undefined, matrix: Matrix, resources: PdfDict | undefined, depth: number, into: PageContent) {
		const stream = this.doc.resolve(value);
		if (!isStream(stream)) return;
		const subtype = nameOf(this.doc.get(stream.dict, 'Subtype'));
		if (subtype === 'Image') {
			const [a, b, c, d] = matrix;
			into.images.push({ stream, area: Math.abs(a * d - b * c) });
		} else if (subtype === 'Form' && depth < MAX_FORM_DEPTH) {
			const formMatrix = asMatrix(this.doc.get(stream.dict, 'Matrix')) ?? IDENTITY;
			const formResources = this.doc.dict(stream.dict, 'Resources') ?? resources;
			this.scan(this.content(stream), formResources, multiply(formMatrix, matrix), depth + 1, into);
		}
	}

	/** Inline image data (BI … ID data EI) is binary: skip to just after its EI. */
	private inlineImageEnd(content: Uint8Array, from: number): number {
		for (let at = from; at + 3 <= content.length; at++) {
			if (content[at] === 0x49 && content[at + 1] === 0x44 && (content[at + 2] === 0x20 || content[at + 2] === 0x0a || content[at + 2] === 0x0d)) {
				for (let end = at + 3; end + 2 <= content.length; end++) {
					const before = content[end - 1];
					const after = content[end + 2];
					if (content[end] === 0x45 && content[end + 1] === 0x49 && (before === 0x20 || before === 0x0a || before === 0x0d) && (after === undefined || after <= 0x20)) return end + 2;
				}
				return -1;
			}
		}
		return -1;
	}

	pageArea(box: number[] | undefined): number {
		if (!box) return Number.NaN;
		return Math.abs((box[2] - box[0]) * (box[3] - box[1]));
	}

	number(dict: PdfDict, key: string): number {
		const value = this.doc.get(dict, key);
		return typeof value === 'number' ? value : 0;
	}
}

function pageProblem(page: number, reason: string, fix: string): PdfPage {
	return { kind: 'problem', page, reason, fix };
}

/** Turns a page's main image into what is sent, or says why it cannot be sent. */
function pageImage(doc: PdfDocument, reader: PageReader, page: number, drawn: DrawnImage, textLayer: boolean): PdfPage {
	const image = drawn.stream;
	const width = reader.number(image.dict, 'Width');
	const height = reader.number(image.dict, 'Height');
	// The scan's resolution: its pixels over the size it is drawn at (72 points an inch).
	const dpi = Number.isNaN(drawn.area) || drawn.area <= 0 ? undefined : Math.round(72 * Math.sqrt((width * height) / drawn.area));
	const encoding = pageImageEncoding(doc, image, page, dpi);
	if (!('encode' in encoding)) return pageProblem(page, encoding.reason, encoding.fix);
	// A JPEG stored as it is is checked now: a damaged one is a problem before anything is queued.
	if (encoding.format === 'JPEG') {
		const checked = settle(() => encoding.encode(image.data));
		if (!checked.ok) {
			if (!(checked.error instanceof PdfError)) throw checked.error;
			return pageProblem(page, checked.error.reason, checked.error.fix);
		}
	}
	return { kind: 'image', page, stored: image.data, format: encoding.format, extension: encoding.extension, encode: encoding.encode, width, height, textLayer };
}

function readPage(doc: PdfDocument, reader: PageReader, number: number, entry: { page: PdfDict; resources?: PdfDict; box?: number[] }): PdfPage {
	const content: PageContent = { images: [], text: false, inlineImages: 0 };
	reader.scan(reader.content(entry.page.get('Contents')), entry.resources, IDENTITY, 0, content);
	const pageArea = reader.pageArea(entry.box);
	const coverage = (image: DrawnImage) => (Number.isNaN(image.area) || Number.isNaN(pageArea) || pageArea === 0 ? Number.NaN : image.area / pageArea);
	const pixels = (image: DrawnImage) => reader.number(image.stream.dict, 'Width') * reader.number(image.stream.dict, 'Height');
	// Without readable content the sizes on the page are unknown: the largest image is taken.
	const size = (image: DrawnImage) => (Number.isNaN(coverage(image)) ? pixels(image) : coverage(image));
	const byCoverage = [...content.images].sort((one, other) => size(other) - size(one));
	const [main, second] = byCoverage;
	const mainCoverage = main ? coverage(main) : 0;
	if (main && (Number.isNaN(mainCoverage) || mainCoverage >= SCAN_COVERAGE)) {
		if (second && !Number.isNaN(coverage(second)) && coverage(second) >= SECOND_IMAGE_COVERAGE && second.stream !== main.stream) {
			return pageProblem(number, `page ${number} is made of ${content.images.length} images, not one scan (e.g. strips or a layered scan)`, RENDER_FIX);
		}
		return pageImage(doc, reader, number, main, content.text);
	}
	if (content.text) return pageProblem(number, `page ${number} holds text but no scanned image: it is a digital page`, DIGITAL_FIX);
	if (content.inlineImages > 0) return pageProblem(number, `page ${number} draws its image inline, which the node does not read`, RENDER_FIX);
	if (main) return pageProblem(number, `page ${number} has no full-page scan, only smaller images`, RENDER_FIX);
	return pageProblem(number, `page ${number} is blank or drawn with vector graphics, with no scanned image`, RENDER_FIX);
}

/**
 * Finds the page images of a scanned PDF. Throws PdfError for a PDF that cannot be read as a
 * whole (damaged, encrypted, too many pages, digital); a page that cannot be sent comes back as
 * a problem beside the good pages.
 */
export function readScannedPdf(bytes: Uint8Array, maxPages: number): ScannedPdf {
	const opened = settle(() => {
		const document = new PdfDocument(bytes);
		// Checked before any page: with /Encrypt every stream is ciphered.
		return { doc: document, entries: document.trailer.has('Encrypt') ? undefined : new PageReader(document).pages() };
	});
	if (!opened.ok) {
		if (!(opened.error instanceof PdfSyntaxError)) throw opened.error;
		throw new PdfError(`the PDF is damaged and cannot be read (${opened.error.message})`, 'Open it in a PDF viewer and save or print it to a new PDF, or ask the sender for a new copy.');
	}
	const { doc, entries } = opened.value;
	if (!entries) {
		throw new PdfError(
			'the PDF is encrypted (password-protected or with restricted permissions), so its page images cannot be read',
			'Save an unprotected copy (e.g. open it and print to PDF, or `qpdf --decrypt in.pdf out.pdf`), then send that.',
		);
	}
	if (entries.length === 0) throw new PdfError('the PDF has no pages', 'Check the step that produced the file.');
	if (entries.length > maxPages) {
		throw new PdfError(
			`the PDF has ${entries.length} pages, more than Max PDF Pages (${maxPages}); each page would be a billed call`,
			'Raise Options → Max PDF Pages if all pages should be read, or split the PDF first.',
		);
	}
	const reader = new PageReader(doc);
	const pages = entries.map((entry, index) => {
		const read = settle(() => readPage(doc, reader, index + 1, entry));
		if (read.ok) return read.value;
		if (!(read.error instanceof PdfSyntaxError)) throw read.error;
		return pageProblem(index + 1, `page ${index + 1} of the PDF is damaged (${read.error.message})`, RENDER_FIX);
	});
	if (pages.every((page) => page.kind === 'problem' && page.fix === DIGITAL_FIX)) {
		throw new PdfError('the PDF is a digital document (its pages hold text, not scanned images)', DIGITAL_FIX);
	}
	return { pageCount: entries.length, pages };
}
