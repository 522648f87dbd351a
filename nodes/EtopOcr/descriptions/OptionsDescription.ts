import type { INodeProperties } from 'n8n-workflow';

import { concurrencyOptions } from './options/concurrencyOptions';
import { connectionOptions } from './options/connectionOptions';
import { imageQualityOptions } from './options/imageQualityOptions';
import { inputOptions } from './options/inputOptions';
import { outputOptions } from './options/outputOptions';
import { requestOptions } from './options/requestOptions';
import { retryOptions } from './options/retryOptions';
import { uploadOptions } from './options/uploadOptions';

/**
 * The one Options collection, composed of one array per purpose (each in its own file under
 * options/). n8n lists a collection's options in the order given, and its lint rule wants them
 * alphabetical; the rule cannot see through the spreads, so the order is made here.
 */
export const optionsCollection: INodeProperties[] = [
	...concurrencyOptions,
	...connectionOptions,
	...imageQualityOptions,
	...inputOptions,
	...outputOptions,
	...requestOptions,
	...retryOptions,
	...uploadOptions,
].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));

export const optionProperties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: optionsCollection,
	},
];
