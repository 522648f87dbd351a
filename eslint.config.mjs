// `npm run lint`: both rule sets n8n checks community packages with, as its scanner applies them
// (`@n8n/scan-community-package`, scanner.mjs buildScanConfig): n8n's community-node rules
// (`@n8n/eslint-plugin-community-nodes`, recommended) and the `eslint-plugin-n8n-nodes-base`
// rule sets for package.json, credentials and nodes. Inline eslint-disable comments are not
// honoured (`npm run lint` passes --no-inline-config), as in the scanner.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', '*.js', '*.mjs'] },
	n8nCommunityNodesPlugin.configs.recommended,
	{ plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: { 'no-console': 'error' } },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { project: ['./tsconfig.json'], sourceType: 'module' } },
	},
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Off in n8n's scanner too: not valid for community nodes.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// n8n's credential-password-field rule (community set) is the more accurate one.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Off in n8n's scanner too: inputs/outputs are NodeConnectionTypes.Main, not "main".
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];
