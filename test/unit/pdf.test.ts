import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, deflateSync } from 'node:zlib';

import { inflate, inflateRaw, InflateError } from '../../nodes/EtopOcr/input/pdf/inflate';
import { PdfError, readScannedPdf, type PdfPage } from '../../nodes/EtopOcr/input/pdf/scannedPdf';
import { makeDigitalPdf, makePdf, scanJpeg, type PdfOptions } from '../fixtures/pdf';

// Digests: jest compares big Buffers byte by byte, which takes seconds on a loaded machine.
const digest = (bytes: Uint8Array) => `${bytes.length} bytes ${createHash('sha256').update(bytes).digest('hex')}`;
const images = (pages: PdfPage[]) => pages.map((page) => (page.kind === 'image' ? digest(page.bytes) : page.reason));

function pdfError(run: () => unknown): PdfError {
	try {
		run();
	} catch (error) {
		if (error instanceof PdfError) return error;
		throw error;
	}
	throw new Error('expected a PdfError');
}

describe('inflate', () => {
	const text = Buffer.from('scanned page '.repeat(5000) + 'end');
	const noise = randomBytes(70_000);

	it.each([0, 1, 6, 9])('reads zlib level %i (stored, fixed and dynamic blocks)', (level) => {
		for (const input of [text, noise, Buffer.concat([noise.subarray(0, 1000), text])]) {
			expect(digest(inflate(deflateSync(input, { level }), 1 << 24))).toEqual(digest(input));
		}
	});

	it('reads raw deflate and a zlib stream without its header', () => {
		expect(digest(inflateRaw(deflateRawSync(text), 1 << 24))).toEqual(digest(text));
		expect(digest(inflate(deflateRawSync(text), 1 << 24))).toEqual(digest(text));
	});

	it('stops at its output limit (a small stream that inflates to a lot)', () => {
		const bomb = deflateSync(Buffer.alloc(10_000_000));
		expect(bomb.length).toBeLessThan(20_000);
		expect(() => inflate(bomb, 1_000_000)).toThrow(InflateError);
	});

	it('rejects a cut stream', () => {
		const cut = deflateSync(noise).subarray(0, 500);
		expect(() => inflate(cut, 1 << 24)).toThrow(InflateError);
	});
});

describe('scanned PDF: page images', () => {
	const small = scanJpeg(80, 110, 'page-1');
	const medium = scanJpeg(160, 220, 'page-2', 200_000);
	const large = scanJpeg(240, 330, 'page-3', 1_200_000);

	const layouts: Array<[string, PdfOptions]> = [
		['classic xref table', { xref: 'table' }],
		['cross-reference stream', { xref: 'stream', compressContent: true }],
		['object streams + xref stream', { objectStreams: true, compressContent: true }],
		['resources inherited from the page tree', { inheritedResources: true }],
		['no cross-reference table at all (rebuilt by scanning)', { noXref: true }],
		['every offset in the table wrong (rebuilt by scanning)', { wrongOffsets: true }],
	];

	it.each(layouts)('one page, %s: the JPEG byte for byte', (_, options) => {
		const { pageCount, pages } = readScannedPdf(makePdf([{ jpeg: small }], options), 20);
		expect(pageCount).toBe(1);
		expect(pages).toHaveLength(1);
		expect(pages[0]).toMatchObject({ kind: 'image', page: 1, width: 120, height: 170, textLayer: false });
		expect(images(pages)).toEqual([small].map(digest));
	});

	it.each(layouts)('three pages of different sizes, %s', (_, options) => {
		const { pages } = readScannedPdf(makePdf([{ jpeg: small }, { jpeg: medium }, { jpeg: large }], options), 20);
		expect(pages.map((page) => page.page)).toEqual([1, 2, 3]);
		expect(images(pages)).toEqual([small, medium, large].map(digest));
	});

	it('a page image is a view of the PDF, not a copy', () => {
		const pdf = makePdf([{ jpeg: large }]);
		const [page] = readScannedPdf(pdf, 20).pages;
		expect(page.kind === 'image' && page.bytes.buffer).toBe(pdf.buffer);
	});

	it('a searchable scan (image plus invisible text layer) sends the image and says it has text', () => {
		const pdf = makePdf([{ jpeg: small, text: '增值税专用发票 No 12345678' }, { jpeg: medium }], { compressContent: true });
		const { pages } = readScannedPdf(pdf, 20);
		expect(images(pages)).toEqual([small, medium].map(digest));
		expect(pages.map((page) => page.kind === 'image' && page.textLayer)).toEqual([true, false]);
	});

	it('finds a scan wrapped in a form XObject', () => {
		expect(images(readScannedPdf(makePdf([{ jpeg: medium, inForm: true }], { objectStreams: true }), 20).pages)).toEqual([medium].map(digest));
	});

	it('a scan with a letterhead logo: the full-page image, not the logo', () => {
		const logo = scanJpeg(60, 30);
		expect(images(readScannedPdf(makePdf([{ jpeg: small, logo }]), 20).pages)).toEqual([small].map(digest));
	});
});

describe('scanned PDF: PDFs it refuses, and why', () => {
	const scan = scanJpeg(80, 110);

	it('a digital PDF: says it holds its text and points to Extract From File', () => {
		const error = pdfError(() => readScannedPdf(makeDigitalPdf(['Invoice 2026-001', 'Total 1,234.00']), 20));
		expect(error.reason).toMatch(/digital document/);
		expect(error.fix).toMatch(/Extract From File/);
	});

	it('a digital PDF with a logo is not mistaken for a scan of the logo', () => {
		const error = pdfError(() => readScannedPdf(makeDigitalPdf(['Letter'], { xref: 'stream' }), 20));
		expect(error.reason).toMatch(/digital/);
	});

	it('a mixed PDF: the scanned page is read, the digital page is a problem of its own', () => {
		const { pages } = readScannedPdf(makePdf([{ jpeg: scan }, { text: 'Terms and conditions' }]), 20);
		expect(pages[0]).toMatchObject({ kind: 'image', page: 1 });
		expect(pages[1]).toMatchObject({ kind: 'problem', page: 2 });
		expect(pages[1].kind === 'problem' && pages[1].fix).toMatch(/Extract From File/);
	});

	it('an encrypted PDF', () => {
		const error = pdfError(() => readScannedPdf(makePdf([{ jpeg: scan }], { encrypt: true }), 20));
		expect(error.reason).toMatch(/encrypted/);
		expect(error.fix).toMatch(/unprotected copy/);
	});

	it('more pages than Max PDF Pages: refused before any page is read', () => {
		const pdf = makePdf([{ jpeg: scan }, { jpeg: scan }, { jpeg: scan }]);
		const error = pdfError(() => readScannedPdf(pdf, 2));
		expect(error.reason).toMatch(/3 pages, more than Max PDF Pages \(2\)/);
		expect(readScannedPdf(pdf, 3).pages).toHaveLength(3);
	});

	it('a file that only starts like a PDF', () => {
		const error = pdfError(() => readScannedPdf(Buffer.from('%PDF-1.4\nthis is not really a PDF\n'), 20));
		expect(error.reason).toMatch(/damaged/);
	});

	it('a PDF cut short (a partial download): refused as damaged, nothing is sent', () => {
		const big = scanJpeg(160, 220, undefined, 100_000);
		const pdf = makePdf([{ jpeg: scan }, { jpeg: big }], { xref: 'table' });
		const error = pdfError(() => readScannedPdf(pdf.subarray(0, pdf.indexOf(big) + 50_000), 20));
		expect(error.reason).toMatch(/damaged/);
		expect(error.fix).toMatch(/new copy/);
	});

	it('a page whose image data is overwritten: that page is a problem, the others are read', () => {
		const pdf = makePdf([{ jpeg: scan }, { jpeg: scanJpeg(90, 120) }]);
		const second = pdf.indexOf(Buffer.from([0xff, 0xd8]), pdf.indexOf(scan) + scan.length);
		pdf.fill(0x20, second, second + 2);
		const { pages } = readScannedPdf(pdf, 20);
		expect(images(pages)[0]).toEqual(digest(scan));
		expect(pages[1].kind === 'problem' && pages[1].reason).toMatch(/page 2 is damaged/);
	});

	it.each([
		['JPXDecode', /JPEG 2000/],
		['CCITTFaxDecode', /CCITT/],
		['JBIG2Decode', /JBIG2/],
		['FlateDecode', /Flate/],
	] as const)('a page image stored as %s: a problem that says to scan with JPEG', (filter, kind) => {
		const { pages } = readScannedPdf(makePdf([{ jpeg: scan, filter }]), 20);
		expect(pages[0].kind).toBe('problem');
		expect(pages[0].kind === 'problem' && pages[0].reason).toMatch(kind);
		expect(pages[0].kind === 'problem' && pages[0].fix).toMatch(/JPEG/);
	});

	it('a blank page', () => {
		const { pages } = readScannedPdf(makePdf([{ jpeg: scan }, {}]), 20);
		expect(pages[1]).toMatchObject({ kind: 'problem', page: 2 });
		expect(pages[1].kind === 'problem' && pages[1].reason).toMatch(/blank/);
	});
});
