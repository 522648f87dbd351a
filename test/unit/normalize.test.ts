import fc from 'fast-check';

import {
	OPEN_END_WORDS,
	normalizeValue,
	parseAmount,
	parseDate,
	parseDateRange,
	parseNumber,
	parseSex,
} from '../../nodes/EtopOcr/output/normalize';

describe('parseDate', () => {
	it.each([
		['1990年4月22日', '1990-04-22'],
		['1990 年 04 月 22 日', '1990-04-22'],
		['1990.04.22', '1990-04-22'],
		['1990.4.2', '1990-04-02'],
		['1990-04-22', '1990-04-22'],
		['1990/04/22', '1990-04-22'],
		['19900422', '1990-04-22'],
		[' 2019-03-04 ', '2019-03-04'],
		['１９９０．０４．２２', '1990-04-22'],
		['2000年2月29日', '2000-02-29'],
		['2019年03月04日08:15开', '2019-03-04T08:15'],
		['2019-03-04 08:15:30', '2019-03-04T08:15:30'],
		['2020年5月20日13时14分', '2020-05-20T13:14'],
	])('%s → %s', (text, iso) => {
		expect(parseDate(text)).toBe(iso);
	});

	it.each([
		['1990年4月', 'no day'],
		['2018年11月', 'no day'],
		['09/28', 'month and two-digit year'],
		['22.04.1990', 'day first'],
		['1990.04-22', 'mixed separators'],
		['1990-13-01', 'no 13th month'],
		['1990-02-30', 'no 30 February'],
		['1900-02-29', 'not a leap year'],
		['1990-04-22x', 'trailing text'],
		['约1990-04-22', 'leading text'],
		['199004221', 'nine digits'],
		['1799-01-01', 'out of range'],
		['2019-03-04 24:00', 'no hour 24'],
		['2019年03月04日08:15至', 'not a time suffix'],
		['长期', 'a word'],
		['', 'empty'],
	])('%s is no date (%s)', (text) => {
		expect(parseDate(text)).toBeUndefined();
	});
});

describe('parseDateRange', () => {
	it.each([
		['2016.05.10-2036.05.10', '2016-05-10', '2036-05-10'],
		['2010.01.01 - 2020.01.01', '2010-01-01', '2020-01-01'],
		['2019-03-04-2029-03-03', '2019-03-04', '2029-03-03'],
		['2016年05月10日至长期', '2016-05-10', null],
		['2016.05.10-长期', '2016-05-10', null],
		['自2016年05月10日至2020年05月09日', '2016-05-10', '2020-05-09'],
		['2006年05月10日起2076年05月09日止', '2006-05-10', '2076-05-09'],
		['2020年01月01日至2024年12月31日', '2020-01-01', '2024-12-31'],
		['2023.05.01~2024.04.30', '2023-05-01', '2024-04-30'],
		['长期', null, null],
	])('%s → %s … %s', (text, start, end) => {
		expect(parseDateRange(text)).toEqual({ start, end });
	});

	it.each(['2016.05.10', '10年', '2016.05.10-', '-2036.05.10', '2016.05.10-2036.13.10', '自2019年03月05日0时起至2020年03月04日24时止', 'abc'])(
		'%s is no range',
		(text) => {
			expect(parseDateRange(text)).toBeUndefined();
		},
	);

	it('knows the words for no end date', () => {
		for (const word of OPEN_END_WORDS) expect(parseDateRange(`2016.05.10-${word}`)).toEqual({ start: '2016-05-10', end: null });
	});
});

describe('parseAmount', () => {
	it.each([
		['¥1,234.50', 1234.5],
		['￥1,234.50', 1234.5],
		['1234.5元', 1234.5],
		['¥ 73.00', 73],
		['1,230.00', 1230],
		['0.00', 0],
		['RMB 20', 20],
		['100,000.00', 100000],
		['-¥5.00', -5],
		['¥-5.00', -5],
	])('%s → %s', (text, amount) => {
		expect(parseAmount(text)).toBe(amount);
	});

	it.each(['壹仟贰佰叁拾肆圆伍角', '壹佰万元整', '12元5角', '1,23.00', '12,3456', '¥', '--5', '-¥-5', '13%', '1.2.3', '五十', '$12'])(
		'%s is no amount',
		(text) => {
			expect(parseAmount(text)).toBeUndefined();
		},
	);
});

describe('parseNumber', () => {
	it.each([
		['5', undefined, 5],
		['02', undefined, 2],
		['5人', 'people', 5],
		['1830kg', 'kg', 1830],
		['1830 千克', 'kg', 1830],
		['12.3km', 'km', 12.3],
		['89.12', 'm²', 89.12],
		['89.12平方米', 'm²', 89.12],
		['89.12㎡', 'm²', 89.12],
		['89.12m²', 'm²', 89.12],
	] as const)('%s (%s) → %s', (text, unit, number) => {
		expect(parseNumber(text, unit)).toBe(number);
	});

	it.each([
		['1.83t', 'kg'],
		['1830kg', undefined],
		['5人', 'kg'],
		['共有宗地面积45.6m²/房屋建筑面积89.12m²', 'm²'],
		['4753×1800×1462mm', undefined],
		['-5', undefined],
		['五', undefined],
	] as const)('%s (%s) is no number', (text, unit) => {
		expect(parseNumber(text, unit)).toBeUndefined();
	});
});

describe('parseSex', () => {
	it.each([
		['男', 'male'],
		['女', 'female'],
		['男性', 'male'],
		['M', 'male'],
		['f', 'female'],
		['Female', 'female'],
		['男/M', 'male'],
		['女 / F', 'female'],
	])('%s → %s', (text, sex) => {
		expect(parseSex(text)).toBe(sex);
	});

	it.each(['男/F', '未知', 'X', '', 'constructor', 'male female'])('%s is no sex', (text) => {
		expect(parseSex(text)).toBeUndefined();
	});
});

describe('normalizeValue', () => {
	it('reads a value by its kind and leaves text fields alone', () => {
		expect(normalizeValue({ kind: 'date' }, '1990年4月22日')).toEqual({ outcome: 'value', value: '1990-04-22' });
		expect(normalizeValue({ kind: 'amount' }, '¥1,234.50')).toEqual({ outcome: 'value', value: 1234.5 });
		expect(normalizeValue({ kind: 'number', unit: 'people' }, '5人')).toEqual({ outcome: 'value', value: 5 });
		expect(normalizeValue({ kind: 'sex' }, '女')).toEqual({ outcome: 'value', value: 'female' });
		expect(normalizeValue({ kind: 'dateRange' }, '2016.05.10-长期')).toEqual({ outcome: 'range', start: '2016-05-10', end: null });
		expect(normalizeValue({}, '1990年4月22日')).toEqual({ outcome: 'kept' });
		expect(normalizeValue({ kind: 'text' }, '¥5')).toEqual({ outcome: 'kept' });
	});

	it('flags what does not read, calls empty text blank, and leaves non-text values alone', () => {
		expect(normalizeValue({ kind: 'date' }, '1990年4月')).toEqual({ outcome: 'unparsed' });
		expect(normalizeValue({ kind: 'dateRange' }, '10年')).toEqual({ outcome: 'unparsed' });
		expect(normalizeValue({ kind: 'amount' }, '壹佰元整')).toEqual({ outcome: 'unparsed' });
		expect(normalizeValue({ kind: 'sex' }, '未知')).toEqual({ outcome: 'unparsed' });
		expect(normalizeValue({ kind: 'date' }, '  ')).toEqual({ outcome: 'blank' });
		expect(normalizeValue({ kind: 'amount' }, 12.5)).toEqual({ outcome: 'kept' });
		expect(normalizeValue({ kind: 'date' }, null)).toEqual({ outcome: 'kept' });
		expect(normalizeValue({ kind: 'sex' }, true)).toEqual({ outcome: 'kept' });
	});
});

describe('normalizing never invents a value (fast-check)', () => {
	const date = fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true });
	const parts = (value: Date) => [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()] as const;
	const pad = (value: number) => String(value).padStart(2, '0');

	it('reads every way a real date is printed as that date', () => {
		fc.assert(
			fc.property(date, fc.integer({ min: 0, max: 4 }), (value, style) => {
				const [y, m, d] = parts(value);
				const iso = `${y}-${pad(m)}-${pad(d)}`;
				const printed = [`${y}年${m}月${d}日`, `${y}.${pad(m)}.${pad(d)}`, `${y}${pad(m)}${pad(d)}`, iso, `${y}/${m}/${d}`][style];
				expect(parseDate(printed)).toBe(iso);
			}),
		);
	});

	it('returns a date only when the text holds its year, month and day', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...'0123456789年月日.-/ :开时分'.split('')), maxLength: 20 }), (text) => {
				const iso = parseDate(text);
				if (iso === undefined) return;
				const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
				const digits = text.normalize('NFKC').replace(/\D+/g, ' ');
				expect(digits).toContain(String(y));
				expect(digits.replace(/\b0+(\d)/g, '$1')).toMatch(new RegExp(`\\b${m}\\b|${pad(m)}`));
				expect(digits.replace(/\b0+(\d)/g, '$1')).toMatch(new RegExp(`\\b${d}\\b|${pad(d)}`));
			}),
			{ numRuns: 2000 },
		);
	});

	it('returns an amount only made of the digits the text shows, in their order', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(...'0123456789,.¥￥元- RMB壹佰'.split('')), maxLength: 14 }), (text) => {
				const amount = parseAmount(text);
				if (amount === undefined) return;
				const shown = text.normalize('NFKC').replace(/[^\d.]/g, '');
				expect(Number(shown)).toBe(Math.abs(amount));
			}),
			{ numRuns: 3000 },
		);
	});

	it('reads any amount printed with separators and a symbol back to itself', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10 ** 11 }), fc.boolean(), fc.boolean(), (cents, symbol, yuan) => {
				const amount = cents / 100;
				const text = `${symbol ? '¥' : ''}${amount.toLocaleString('en-US', { minimumFractionDigits: 2 })}${yuan ? '元' : ''}`;
				expect(parseAmount(text)).toBe(amount);
			}),
		);
	});
});
