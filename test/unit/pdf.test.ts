import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, deflateSync, inflateSync } from 'node:zlib';

import { deflate } from '../../nodes/EtopOcr/input/pdf/deflate';
import { inflate, inflateRaw, InflateError } from '../../nodes/EtopOcr/input/pdf/inflate';
import { PdfError, readScannedPdf, type PdfPage } from '../../nodes/EtopOcr/input/pdf/scannedPdf';
import { makeDigitalPdf, makePdf, scanJpeg, type PdfOptions } from '../fixtures/pdf';
import { ascii85, cardSamples, decodePng, flate, g4, lzw, pngRows, runLength, samplesDict, stripedPage, tiffTags, type Samples } from '../fixtures/pdf-images';

// Digests: jest compares big Buffers byte by byte, which takes seconds on a loaded machine.
const digest = (bytes: Uint8Array) => `${bytes.length} bytes ${createHash('sha256').update(bytes).digest('hex')}`;
const images = (pages: PdfPage[]) => pages.map((page) => (page.kind === 'image' ? digest(page.encode(page.stored)) : page.reason));

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
		expect(page.kind === 'image' && page.encode(page.stored).buffer).toBe(pdf.buffer);
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
		['JBIG2Decode', /JBIG2/],
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

describe('scanned PDF: pages stored as pixels become PNG, CCITT fax pages TIFF', () => {
	const pageOf = (image: { width: number; height: number; dict: string; data: Buffer }, options: PdfOptions = {}) => {
		const [page] = readScannedPdf(makePdf([{ image }], options), 20).pages;
		if (page.kind !== 'image') throw new Error(`page refused: ${page.reason}`);
		return { page, file: Buffer.from(page.encode(page.stored)) };
	};
	const components = { grey: 1, rgb: 3, cmyk: 4, indexed: 1 } as const;
	const kinds = [
		['grey', 1],
		['grey', 2],
		['grey', 4],
		['grey', 8],
		['grey', 16],
		['rgb', 8],
		['rgb', 16],
		['cmyk', 8],
		['indexed', 1],
		['indexed', 2],
		['indexed', 4],
		['indexed', 8],
	] as const;
	const storages: Array<[string, (samples: Samples) => { dict: string; data: Buffer }]> = [
		['Flate', (samples) => ({ dict: '/Filter /FlateDecode', data: flate(samples.data) })],
		[
			'Flate with PNG predictors',
			(samples) => ({
				dict: `/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${components[samples.space]} /BitsPerComponent ${samples.bitsPerComponent} /Columns ${samples.width} >>`,
				data: flate(pngRows(samples)),
			}),
		],
		['uncompressed', (samples) => ({ dict: '', data: samples.data })],
		['LZW', (samples) => ({ dict: '/Filter /LZWDecode', data: lzw(samples.data) })],
		['run-length', (samples) => ({ dict: '/Filter /RunLengthDecode', data: runLength(samples.data) })],
		['ASCII85 then Flate', (samples) => ({ dict: '/Filter [/ASCII85Decode /FlateDecode]', data: ascii85(flate(samples.data)) })],
	];

	describe.each(storages)('%s', (_, store) => {
		it.each(kinds)('%s, %i bits per component: a PNG that decodes to the pixels a viewer shows', (space, bits) => {
			const samples = cardSamples(90, 60, space, bits);
			const stored = store(samples);
			const { page, file } = pageOf({ width: 90, height: 60, dict: `${samplesDict(samples)} ${stored.dict}`, data: stored.data });
			expect(page).toMatchObject({ format: 'PNG', extension: 'png', width: 90, height: 60 });
			const png = decodePng(file);
			expect(png).toMatchObject({ width: 90, height: 60 });
			expect(png.rgb.equals(samples.rgb)).toBe(true);
		});
	});

	it('Flate data with PNG predictors goes into the PNG as it is (no second compression)', () => {
		const samples = cardSamples(200, 120, 'grey', 8);
		const data = flate(pngRows(samples, 1));
		const { file } = pageOf({ width: 200, height: 120, dict: `${samplesDict(samples)} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 200 >>`, data });
		expect(file.includes(data)).toBe(true);
		expect(decodePng(file).rgb.equals(samples.rgb)).toBe(true);
	});

	it('predicted Flate data with a wrong checksum is compressed again rather than passed on', () => {
		const samples = cardSamples(90, 60, 'grey', 8);
		const data = flate(pngRows(samples));
		data.writeUInt32BE((data.readUInt32BE(data.length - 4) + 1) >>> 0, data.length - 4);
		const { file } = pageOf({ width: 90, height: 60, dict: `${samplesDict(samples)} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 90 >>`, data });
		expect(file.includes(data)).toBe(false);
		expect(decodePng(file).rgb.equals(samples.rgb)).toBe(true);
	});

	it('an inverted /Decode and a 1-bit stencil mask (black ink on white paper) show as a viewer shows them', () => {
		const samples = cardSamples(90, 60, 'grey', 1);
		const inverted = Buffer.from(samples.data.map((byte) => ~byte & 0xff));
		const negative = pageOf({ width: 90, height: 60, dict: `${samplesDict(samples)} /Decode [1 0] /Filter /FlateDecode`, data: flate(inverted) });
		expect(decodePng(negative.file).rgb.equals(samples.rgb)).toBe(true);
		const mask = pageOf({ width: 90, height: 60, dict: '/ImageMask true /Filter /FlateDecode', data: flate(samples.data) });
		expect(decodePng(mask.file).rgb.equals(samples.rgb)).toBe(true);
	});

	it('the PNG says the scan resolution (pHYs) from the size the image is drawn at', () => {
		const samples = cardSamples(248, 351, 'grey', 1);
		const { file } = pageOf({ width: 248, height: 351, dict: `${samplesDict(samples)} /Filter /FlateDecode`, data: flate(samples.data) });
		// A4 is 8.27 × 11.7 inches: 248 × 351 pixels over the whole page is 30 dpi.
		expect(decodePng(file)).toMatchObject({ dpi: 30, chunks: ['IHDR', 'pHYs', 'IDAT', 'IEND'] });
	});

	it('CCITT Group 4 pages: a TIFF around the untouched fax data, black shown as black', () => {
		const fax = g4(stripedPage(40));
		const gray = pageOf({ width: 64, height: 40, dict: '/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 64 /Rows 40 >>', data: fax });
		expect(gray.page).toMatchObject({ format: 'TIFF', extension: 'tif' });
		const tags = tiffTags(gray.file);
		// Width, height, 1 bit, Group 4, WhiteIsZero, the strip where the fax data is, its length.
		expect([256, 257, 258, 259, 262, 279].map((tag) => tags.get(tag))).toEqual([64, 40, 1, 4, 0, fax.length]);
		expect(gray.file.subarray(tags.get(273)!).equals(fax)).toBe(true);
		// BlackIs1 flips what a 1 is; a stencil mask paints its 0s: the photometric follows.
		const mask = pageOf({ width: 64, height: 40, dict: '/ImageMask true /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 64 /BlackIs1 true >>', data: fax });
		expect(tiffTags(mask.file).get(262)).toBe(1);
	});

	it('CCITT Group 3 with end-of-line codes: TIFF compression 3 with its T4Options', () => {
		const { file } = pageOf({ width: 64, height: 40, dict: '/ImageMask true /Filter /CCITTFaxDecode /DecodeParms << /K 4 /Columns 64 /EndOfLine true /EncodedByteAlign true >>', data: Buffer.from('not checked') });
		expect([259, 292].map((tag) => tiffTags(file).get(tag))).toEqual([3, 5]);
	});

	it.each([
		['a Lab colour space', '/ColorSpace [/Lab << /WhitePoint [0.95 1 1.09] >>] /BitsPerComponent 8', /Lab colour space/],
		['a colour-remapping /Decode', '/ColorSpace /DeviceGray /BitsPerComponent 8 /Decode [0.2 0.8]', /Decode/],
		['16-bit CMYK', '/ColorSpace /DeviceCMYK /BitsPerComponent 16', /16-bit CMYK/],
		['CCITT Group 3 without end-of-line codes', '/ImageMask true /Filter /CCITTFaxDecode /DecodeParms << /K 0 /Columns 64 >>', /end-of-line/],
		['an inverted grey JPEG', '/ColorSpace /DeviceGray /BitsPerComponent 8 /Decode [1 0] /Filter /DCTDecode', /negative/],
	])('%s: the page is refused with what to do', (_, dict, reason) => {
		const { pages } = readScannedPdf(makePdf([{ image: { width: 64, height: 40, dict, data: Buffer.alloc(64 * 40 * 8) } }]), 20);
		expect(pages[0].kind === 'problem' && pages[0].reason).toMatch(reason);
		expect(pages[0].kind === 'problem' && pages[0].fix).toMatch(/JPEG compression/);
	});

	it('pixel data cut short: the page cannot be encoded, with the reason', () => {
		const samples = cardSamples(90, 60, 'rgb', 8);
		const { pages } = readScannedPdf(makePdf([{ image: { width: 90, height: 60, dict: `${samplesDict(samples)} /Filter /FlateDecode`, data: flate(samples.data.subarray(0, 1000)) } }]), 20);
		const page = pages[0];
		expect(page.kind).toBe('image');
		expect(() => page.kind === 'image' && page.encode(page.stored)).toThrow(/shorter than its size/);
	});
});

describe('deflate (the PNG path compressor)', () => {
	it.each([
		['text', Buffer.from('scanned page '.repeat(5000))],
		['noise (stored blocks)', randomBytes(200_000)],
		['white paper with a few marks', Buffer.concat([Buffer.alloc(300_000, 0xff), randomBytes(3000), Buffer.alloc(100_000, 0xff)])],
		['empty', Buffer.alloc(0)],
	])('%s: zlib reads back what was compressed', (_, input) => {
		const compressed = deflate(input);
		expect(digest(inflateSync(compressed))).toEqual(digest(input));
		expect(compressed.length).toBeLessThanOrEqual(input.length + 5 * Math.ceil(input.length / 65535 + 1) + 6);
	});
});
