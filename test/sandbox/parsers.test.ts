import { boundaryOf, dispositionParams, MultipartError, MultipartParser } from './multipart';
import { decodeComponent, parseUrlEncoded } from './urlencoded';
import { findMarkers } from './markers';
import { multipartBody } from './helpers';

const BOUNDARY = 'XyZ-boundary-123';
// Binary content full of traps: CR, LF, "--", the boundary without its leading CRLF, a CRLF-- prefix of it.
const TRICKY = Buffer.concat([
	Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a, 0x0d, 0x0a, 0x78]),
	Buffer.from(`--${BOUNDARY}`),
	Buffer.from(`\n--${BOUNDARY}\r--${BOUNDARY}`),
	Buffer.from(`\r\n--XyZ-boundary-12`),
	Buffer.from('\r\n-\r\n--\r\n'),
	Buffer.from([0x0d]),
]);

function parseInChunks(body: Buffer, sizes: (i: number) => number) {
	const parser = new MultipartParser(BOUNDARY);
	for (let at = 0, i = 0; at < body.length; i++) {
		const n = Math.max(1, sizes(i));
		parser.write(body.subarray(at, at + n));
		at += n;
	}
	return parser.end();
}

describe('MultipartParser', () => {
	const body = multipartBody(BOUNDARY, [
		{ name: 'pid', data: '2' },
		{ name: 'requestId', data: '流水-1' },
		{ name: 'mfile', filename: 'scan 1.png', type: 'image/png', data: TRICKY },
		{ name: 'empty', data: '' },
	]);

	it('parses text and binary parts byte for byte', () => {
		const parts = parseInChunks(body, () => body.length);
		expect(parts.map((p) => p.name)).toEqual(['pid', 'requestId', 'mfile', 'empty']);
		expect(parts[1].data.toString('utf8')).toBe('流水-1');
		expect(parts[2]).toMatchObject({ filename: 'scan 1.png', contentType: 'image/png' });
		expect(parts[2].data.equals(TRICKY)).toBe(true);
		expect(parts[3].data.length).toBe(0);
	});

	it('gives the same result whatever the chunking, down to single bytes', () => {
		let seed = 7;
		const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 23;
		for (const sizes of [() => 1, () => 2, () => 5, random]) {
			const parts = parseInChunks(body, sizes);
			expect(parts[2].data.equals(TRICKY)).toBe(true);
			expect(parts.map((p) => p.data.length)).toEqual([1, Buffer.byteLength('流水-1'), TRICKY.length, 0]);
		}
	});

	it('skips a preamble and ignores the epilogue', () => {
		const withExtras = Buffer.concat([Buffer.from('preamble text\r\n'), body, Buffer.from('epilogue')]);
		expect(parseInChunks(withExtras, () => 3).map((p) => p.name)).toEqual(['pid', 'requestId', 'mfile', 'empty']);
	});

	it('rejects a body without its closing delimiter', () => {
		const cut = body.subarray(0, body.length - 10);
		expect(() => parseInChunks(cut, () => 100)).toThrow(MultipartError);
	});

	it('rejects garbage after a boundary and parts without form-data disposition', () => {
		const p1 = new MultipartParser(BOUNDARY);
		expect(() => p1.write(Buffer.from(`--${BOUNDARY}garbage\r\n`))).toThrow(MultipartError);
		const p2 = new MultipartParser(BOUNDARY);
		expect(() => p2.write(Buffer.from(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--`))).toThrow(
			/Content-Disposition/,
		);
	});

	it('limits the number of parts', () => {
		const many = multipartBody(BOUNDARY, Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
		const parser = new MultipartParser(BOUNDARY, { maxParts: 3, maxHeaderBytes: 1024 });
		expect(() => parser.write(many)).toThrow(/too many parts/);
	});

	it('reads boundaries and disposition parameters, quoted or not, RFC 5987 filenames too', () => {
		expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
		expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b;c"')).toBe('a b;c');
		expect(boundaryOf('multipart/form-data;')).toBeUndefined();
		expect(dispositionParams('form-data; name="a\\"b"; filename=x.png')).toEqual({ name: 'a"b', filename: 'x.png' });
		expect(dispositionParams(`form-data; name="mfile"; filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81.png`).filename).toBe('身份证.png');
	});
});

describe('parseUrlEncoded', () => {
	it('decodes + as space, %XX as bytes (UTF-8), and keeps the raw length of each value', () => {
		const body = Buffer.from('a=1+2&b=%E8%BA%AB%2B%2F%3D&c=&d&=x&&e=50%25');
		expect(parseUrlEncoded(body)).toEqual([
			{ name: 'a', value: '1 2', rawLength: 3 },
			{ name: 'b', value: '身+/=', rawLength: 18 },
			{ name: 'c', value: '', rawLength: 0 },
			{ name: 'd', value: '', rawLength: 0 },
			{ name: '', value: 'x', rawLength: 1 },
			{ name: 'e', value: '50%', rawLength: 5 },
		]);
	});

	it('leaves malformed escapes as they are', () => {
		expect(decodeComponent(Buffer.from('%zz%4'))).toBe('%zz%4');
		expect(decodeComponent(Buffer.from('%41%'))).toBe('A%');
	});

	it('round-trips what URLSearchParams writes', () => {
		const fields = { file: 'ab+/cd==', requestId: '订单 #1 & more', pid: '22' };
		const parsed = parseUrlEncoded(Buffer.from(new URLSearchParams(fields).toString()));
		expect(Object.fromEntries(parsed.map((f) => [f.name, f.value]))).toEqual(fields);
		expect(parsed[0].rawLength).toBe('ab%2B%2Fcd%3D%3D'.length);
	});
});

describe('findMarkers', () => {
	const at = (text: string): Buffer => Buffer.concat([Buffer.from([0x89, 0x50]), Buffer.from(text, 'latin1'), Buffer.from([0x37, 0x41, 0x00])]);

	it('reads every directive, joined by ";" or repeated', () => {
		expect(findMarkers(at('ETOP-SANDBOX:DOC=2,41;COUNT=3;QUALITY=blur,ps\nETOP-SANDBOX:SIDE=back ETOP-SANDBOX:TICKET=taxi,train'))).toEqual({
			docs: [2, 41],
			count: 3,
			quality: new Set(['blur', 'ps']),
			side: 'back',
			tickets: ['taxi', 'train'],
		});
		expect(findMarkers(at('ETOP-SANDBOX:RESULT=-51\n')).result).toBe('-51');
		expect(findMarkers(at('ETOP-SANDBOX:DOC=none')).docs).toBe('none');
	});

	it('keeps the first occurrence, ignores unknown directives and bad values, caps COUNT', () => {
		const m = findMarkers(at('ETOP-SANDBOX:FOO=bar;RESULT=42;COUNT=99 ETOP-SANDBOX:COUNT=2;SIDE=sideways;TICKET=bus'));
		expect(m).toEqual({ quality: new Set(), count: 20 });
	});

	it('a value ends where its syntax does, whatever binary follows', () => {
		expect(findMarkers(Buffer.from('ETOP-SANDBOX:RESULT=19Ab\x00', 'latin1')).result).toBe('19');
		expect(findMarkers(Buffer.from('ETOP-SANDBOX:DOC=41\n7', 'latin1')).docs).toEqual([41]);
	});
});
