import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { parseEtopAnswer, parsePreservingNumbers } from '../../nodes/EtopOcr/output/parseResponse';
import { makeScrub } from '../../nodes/EtopOcr/output/redact';

// The answer parsing's shortcuts (one JSON.parse when no number literal can lose digits, no second
// scrub pass when the text has no escapes) must give what the full work gives. The engine-level
// property test (responseProperty.test.ts) checks the same on random bodies through the hook.

const answer = (text: string) => ({ statusCode: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: Buffer.from(text) });
// parseEtopAnswer uses the context only to build errors; these answers are all good ones.
const context = {} as IExecuteSingleFunctions;

/** The text parses to what JSON.parse gives, with one JSON.parse. */
function expectParsedOnce(text: string): void {
	const expected: unknown = JSON.parse(text);
	const parse = jest.spyOn(JSON, 'parse');
	expect(parsePreservingNumbers(text)).toEqual(expected);
	expect(parse).toHaveBeenCalledTimes(1);
}

describe('parsePreservingNumbers', () => {
	afterEach(() => jest.restoreAllMocks());

	it('parses once when long digit runs are only inside strings (IDs as ETOP sends them)', () => {
		expectParsedOnce('{"ErrorCode":"0","Result":{"公民身份号码":"330106199004221234","编号":"24400221011100001234","score":0.98,"n":12}}');
	});

	it('keeps number literals a double cannot hold as their text, and only those', () => {
		const text = '{"id":110101199003071234,"big":1e400,"ok":12345678.5,"tiny":1e-3,"same":1.50,"s":"9007199254740993"}';
		expect(parsePreservingNumbers(text)).toEqual({ id: '110101199003071234', big: '1e400', ok: 12345678.5, tiny: 0.001, same: 1.5, s: '9007199254740993' });
	});

	it.each([
		['after a string with an escaped quote', '{"a":"x\\"12345678901234567","b":12345678901234567890}'],
		['after a string ending in an escaped backslash', '{"a":"\\\\","b":12345678901234567890}'],
		['in a list after strings with long digit runs', '["330106199004221234","x",12345678901234567890]'],
	])('finds a long number literal %s', (_, text) => {
		expect(JSON.stringify(parsePreservingNumbers(text))).toContain('"12345678901234567890"');
	});

	it('sees no number literal in a string that holds an escaped quote and digits', () => {
		expectParsedOnce('{"a":"\\"12345678901234567890\\"","b":1}');
	});

	it('still refuses a text that is not JSON, even where quoting a number would make it JSON', () => {
		expect(() => parsePreservingNumbers('{12345678901234567890: 1}')).toThrow(SyntaxError);
	});
});

describe('parseEtopAnswer scrubbing', () => {
	const scrub = makeScrub(['key-7f3a', 'sec!ret9']);

	it('masks a secret hidden by two encodings (a JSON escape inside its form encoding)', () => {
		// `!` form-encoded is %21; its `1` JSON-escaped is \u0031: only the parsed string shows %21.
		const json = parseEtopAnswer(context, answer('{"ErrorCode":"0","echo":"secret=sec%2\\u0031ret9","sec%2\\u0031ret9":1}'), scrub);
		expect(json).toEqual({ ErrorCode: '0', echo: 'secret=***', '***': 1 });
	});

	it('masks a secret the server echoed as it is, in values and member names', () => {
		const json = parseEtopAnswer(context, answer('{"ErrorCode":"0","echo":"key=key-7f3a","key-7f3a":"x"}'), scrub);
		expect(json).toEqual({ ErrorCode: '0', echo: 'key=***', '***': 'x' });
	});

	it('gives a body without escapes or secrets as parsed, `__proto__` members kept as members', () => {
		const text = '{"ErrorCode":0,"__proto__":{"a":1},"姓名":"王晓明","list":[1,"2",null]}';
		const json = parseEtopAnswer(context, answer(text), scrub);
		expect(json).toEqual(JSON.parse(text));
		expect(Object.keys(json)).toEqual(['ErrorCode', '__proto__', '姓名', 'list']);
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
	});
});
