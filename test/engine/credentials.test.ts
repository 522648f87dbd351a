import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { BLOCKED_KEY, BLOCKED_SECRET, EXHAUSTED_KEY, EXHAUSTED_SECRET } from '../sandbox/server';
import { credentialReads, testCredentials } from '../harness/engine';
import { imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();

describe('credential test', () => {
	it('accepts a good key and secret without a billed call', async () => {
		const result = await testCredentials(credentials());
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox().calls).toHaveLength(1);
		expect(sandbox().calls[0].billed).toBe(false);
		expect(sandbox().calls[0].errorCode).toBe('-6');
	});

	it.each([
		['a wrong secret', { secret: 'not-the-secret' }, /key or secret/i],
		['an unknown key', { apiKey: 'no-such-key' }, /not found/i],
		['a blocked account', { apiKey: BLOCKED_KEY, secret: BLOCKED_SECRET }, /blocked/i],
		['an account without calls', { apiKey: EXHAUSTED_KEY, secret: EXHAUSTED_SECRET }, /calls/i],
		['an empty secret', { secret: '' }, /not sent/i],
	])('rejects %s with a message that says so', async (_label, override, pattern) => {
		const creds = { ...credentials(), ...override };
		const result = await testCredentials(creds);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(pattern);
		expect(result.message).not.toContain(creds.secret || '\u0000');
	});

	it('rejects an endpoint that is not the ETOP API', async () => {
		const result = await testCredentials({ ...credentials(), endpoint: `${sandbox().url}/nothing` });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/could not be found/);
	});

	it('rejects an endpoint that answers JSON without an ErrorCode', async () => {
		const other = createServer((req, res) => {
			req.resume();
			res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = other.address() as AddressInfo;
			const result = await testCredentials({ ...credentials(), endpoint: `http://127.0.0.1:${port}/ocr` });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/no ErrorCode/) });
		} finally {
			await new Promise((resolve) => other.close(resolve));
		}
	});

	it('rejects an endpoint that is not a URL', async () => {
		const result = await testCredentials({ ...credentials(), endpoint: 'etoplive.com' });
		expect(result.status).toBe('Error');
	});
});

describe('the credential in a run', () => {
	// n8n's server reads a credential from its database and decrypts it each time n8n-core asks;
	// the node reads it once per run and hands it to n8n with every call.
	it('is read as often for 6 items (and 12 images) as for 1', async () => {
		const readsOf = async (items: number, fields: number) => {
			const binary = Object.fromEntries(Array.from({ length: fields }, (_, index) => [`data${index}`, imageItem('ETOP-SANDBOX:DOC=2').binary!.data]));
			const before = credentialReads();
			const result = await run(credentials(), { documentType: '2', binaryPropertyName: 'data*' }, Array.from({ length: items }, () => ({ json: {}, binary })));
			expect(result.error).toBeUndefined();
			expect(result.outputs[0]).toHaveLength(items * fields);
			return credentialReads() - before;
		};
		const callsBefore = sandbox().calls.length;
		const one = await readsOf(1, 1);
		const many = await readsOf(6, 2);
		expect(sandbox().calls.length - callsBefore).toBe(13);
		expect(one).toBeGreaterThan(0);
		expect(many).toBe(one);
	});
});
