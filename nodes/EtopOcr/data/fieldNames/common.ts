import type { ListFieldNames } from './types';

/**
 * Lists any document may carry, whatever its family: the seals read with Read Seals and the
 * ID-card quality checks. Their items are small records whose member names (`value`, `name`,
 * `type`) mean nothing on their own beside the document's fields.
 */
export const COMMON_LISTS: readonly ListFieldNames[] = [
	{
		from: ['SealList'],
		fields: [
			{ name: 'sealText', from: ['value'] },
			{ name: 'sealColor', from: ['color'] },
			{ name: 'sealShape', from: ['shape'] },
		],
	},
	{
		from: ['ImageCheck'],
		fields: [
			{ name: 'imageCheckType', from: ['type'] },
			{ name: 'imageCheckName', from: ['name'] },
			{ name: 'imageCheckScore', from: ['score'] },
			{ name: 'imageCheckPassed', from: ['pass'] },
		],
	},
];
