import { matchBinaryFields, parseBinaryFieldList } from '../../nodes/EtopOcr/input/binaryFields';

describe('Input Binary Fields', () => {
	const email = ['attachment_0', 'attachment_10', 'attachment_2', 'attachment_1', 'data', 'back'];

	it('parses a list with spaces and empty entries', () => {
		expect(parseBinaryFieldList(' data, back ,, ')).toEqual(['data', 'back']);
	});

	it('one name (the default data)', () => {
		expect(matchBinaryFields('data', email)).toEqual({ names: ['data'], missing: [], unmatched: [] });
	});

	it('a list keeps its order and reports the names that are missing', () => {
		expect(matchBinaryFields('back, data, front', email)).toEqual({ names: ['back', 'data'], missing: ['front'], unmatched: [] });
	});

	it('a pattern matches in natural order (2 before 10)', () => {
		expect(matchBinaryFields('attachment_*', email).names).toEqual(['attachment_0', 'attachment_1', 'attachment_2', 'attachment_10']);
	});

	it('? stands for one character; other characters are literal', () => {
		expect(matchBinaryFields('attachment_?', email).names).toEqual(['attachment_0', 'attachment_1', 'attachment_2']);
		expect(matchBinaryFields('a.tachment_*', email).names).toEqual([]);
	});

	it('a field matched twice is read once; a pattern that matches nothing is reported', () => {
		expect(matchBinaryFields('data, d*, scan_*', email)).toEqual({ names: ['data'], missing: [], unmatched: ['scan_*'] });
	});
});
