// The workflow `npm run test:scale` runs in queue mode: one webhook execution per upload of
// several images (form fields image0, image1, …), split into one item per image, read by ETOP OCR
// with continue-on-fail, and every item sent back as the webhook's answer.
import { CREDENTIAL_TYPE, NODE_TYPE } from '../e2e/lib/paths';
import { E2E_CREDENTIALS, type Workflow } from '../e2e/lib/workflows';

export const SCALE_WORKFLOW_ID = 'ScaleOcrWebhook1';
export const SCALE_WEBHOOK_PATH = 'scale-ocr';

/** The requestId of image `index` of the upload tagged `run`: how an answer is matched to its image. */
export const requestIdOf = (run: string, index: number) => `${run}-${index}`;

export function scaleWorkflow(): Workflow {
	return {
		id: SCALE_WORKFLOW_ID,
		name: 'scale: webhook upload → ETOP OCR (queue mode)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000001',
				name: 'Upload',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'f0e1d2c3-0000-4000-8000-00000000000a',
				parameters: { httpMethod: 'POST', path: SCALE_WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000002',
				name: 'One item per image',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: [
						'const upload = $input.first();',
						'const run = upload.json.query.run;',
						"const names = Object.keys(upload.binary ?? {}).sort((a, b) => Number(a.replace('image', '')) - Number(b.replace('image', '')));",
						'return names.map((name, index) => ({ json: { id: `${run}-${index}` }, binary: { data: upload.binary[name] } }));',
					].join('\n'),
				},
			},
			{
				id: 'a1b2c3d4-0000-4000-8000-000000000003',
				name: 'ETOP OCR',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [400, 0],
				onError: 'continueRegularOutput',
				parameters: { documentType: '2', inputType: 'binary', binaryPropertyName: 'data', options: { requestId: '={{ $json.id }}' } },
				credentials: { [CREDENTIAL_TYPE]: { ...E2E_CREDENTIALS.etopOcrApi } },
			},
		],
		connections: {
			Upload: { main: [[{ node: 'One item per image', type: 'main', index: 0 }]] },
			'One item per image': { main: [[{ node: 'ETOP OCR', type: 'main', index: 0 }]] },
		},
	};
}
