import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Removes the account's key and secret from text taken from a response, in case a server
 * echoes its request back (some error pages do). n8n masks nothing by value.
 */
export async function redactCredentials(context: IExecuteSingleFunctions, text: string): Promise<string> {
	const credentials = await context.getCredentials('etopOcrApi');
	let result = text;
	for (const value of [credentials.secret, credentials.apiKey]) {
		if (typeof value !== 'string' || value.length < 4) continue;
		for (const form of new Set([value, encodeURIComponent(value)])) result = result.split(form).join('***');
	}
	return result;
}
