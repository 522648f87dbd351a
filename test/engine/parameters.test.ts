import { ExecuteSingleContext } from 'n8n-core';
import type { INodeExecutionData } from 'n8n-workflow';

import { errorOf, imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

/** The sandbox call of the item whose Request ID is `id`. */
const callOf = (id: string) => sandbox().calls.find((call) => call.fields.requestId === id)!;

// The parameter reader (params/parameters.ts) reads a parameter's stored value once per run when it
// holds no expression; these tests hold it to n8n's per-item meaning of every parameter.
describe('parameters: per item where an expression makes them so, once per run otherwise', () => {
	it('gives each item its own options, Simplify and Send File As from expressions', async () => {
		const items = [
			{ id: 'a', naming: 'english', upload: 'file', keep: false, simplify: true },
			{ id: 'b', naming: 'asReturned', upload: 'mfile', keep: true, simplify: true },
			{ id: 'c', naming: 'english', upload: 'file', keep: true, simplify: false },
		].map((json) => imageItem(undefined, json));
		const { outputs, error } = await run(
			credentials(),
			{
				documentType: '2',
				simplify: '={{ $json.simplify }}',
				options: {
					requestId: '={{ $json.id }}',
					fieldNames: '={{ $json.naming }}',
					uploadMethod: '={{ $json.upload }}',
					includeInputBinary: '={{ $json.keep }}',
				},
			},
			items,
		);
		expect(error).toBeUndefined();
		const [a, b, c] = outputs[0];
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(a.json).toMatchObject({ name: '王晓明' });
		expect(a.json).not.toHaveProperty('Name');
		expect(a.binary).toBeUndefined();
		expect(b.json).toMatchObject({ Name: '王晓明' });
		expect(b.json).not.toHaveProperty('name');
		expect(Object.keys(b.binary ?? {})).toEqual(['data']);
		// Simplify off: the body as returned, beside it only where the image came from (no fields, no documentType).
		expect(c.json).toMatchObject({ ErrorCode: 0, ResultList: expect.any(Array) });
		expect(c.json.meta).not.toHaveProperty('documentType');
		expect(Object.keys(c.binary ?? {})).toEqual(['data']);
		expect([callOf('a').imageSource, callOf('b').imageSource, callOf('c').imageSource]).toEqual(['file', 'mfile', 'file']);
	});

	it('refuses a stored option that is out of range for every item, each error naming its own item', async () => {
		const { outputs } = await run(credentials(), { documentType: '2', options: { maxRetries: 99 } }, [imageItem(), imageItem(), imageItem()], 'continueRegularOutput');
		const errors = outputs[0].map((item) => errorOf(item));
		expect(errors.map((error) => error?.code)).toEqual(['INPUT', 'INPUT', 'INPUT']);
		errors.forEach((error, index) => {
			expect(error!.message).toBe(`Options → Max Retries is 99, not a whole number from 0 to 10 [item ${index}]`);
			expect(error!.hint).toContain('Set Options → Max Retries to a whole number from 0 to 10');
		});
		expect(sandbox().calls).toHaveLength(0);
	});

	it('refuses only the item whose expression gives a value out of range', async () => {
		const items = [0, 99, 2].map((retries, index) => imageItem(undefined, { retries, id: String(index) }));
		const { outputs } = await run(
			credentials(),
			{ documentType: '2', options: { maxRetries: '={{ $json.retries }}', requestId: '={{ $json.id }}' } },
			items,
			'continueRegularOutput',
		);
		const [first, second, third] = outputs[0];
		expect(errorOf(first)).toBeUndefined();
		expect(errorOf(second)?.message).toBe('Options → Max Retries is 99, not a whole number from 0 to 10 [item 1]');
		expect(errorOf(third)).toBeUndefined();
		expect(sandbox().calls.map((call) => call.fields.requestId).sort()).toEqual(['0', '2']);
	});

	it('gives each run its own stored parameters', async () => {
		const simplified = await run(credentials(), { documentType: '2' }, [imageItem()]);
		const raw = await run(credentials(), { documentType: '2', simplify: false }, [imageItem()]);
		expect(simplified.outputs[0][0].json).toHaveProperty('meta');
		expect(raw.outputs[0][0].json).toMatchObject({ ErrorCode: 0, ResultList: expect.any(Array) });
		expect(raw.outputs[0][0].json.meta).not.toHaveProperty('documentType');
	});

	it('reads stored parameters once per run, however many items it has', async () => {
		const spy = jest.spyOn(ExecuteSingleContext.prototype, 'getNodeParameter');
		const readsFor = async (count: number) => {
			spy.mockClear();
			const { outputs } = await run(credentials(), { documentType: '2', options: { fieldNames: 'english' } }, Array.from({ length: count }, () => imageItem()));
			expect(outputs[0].filter((item: INodeExecutionData) => errorOf(item))).toEqual([]);
			return spy.mock.calls.filter(([, , options]) => options?.rawExpressions === true).length;
		};
		try {
			const one = await readsFor(1);
			expect(one).toBeGreaterThan(0);
			expect(await readsFor(6)).toBe(one);
		} finally {
			spy.mockRestore();
		}
	});
});
