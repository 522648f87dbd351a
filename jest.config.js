const path = require('path');

// Every engine-level test runs twice: against n8n-core 2.x (the default install) and against
// n8n-core 1.x, which is installed as the alias `n8n-core-v1` with its own nested n8n-workflow.
const v1Workflow = path.join(__dirname, 'node_modules/n8n-core-v1/node_modules/n8n-workflow');
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] };
// dist/ holds the build (its own EtopOcr.node.json); keep it out of jest's module map.
const modulePathIgnorePatterns = ['<rootDir>/dist/'];

module.exports = {
	testTimeout: 60_000,
	projects: [
		{
			displayName: 'n8n-core 2.x',
			testEnvironment: 'node',
			transform,
			modulePathIgnorePatterns,
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
		},
		{
			displayName: 'n8n-core 1.x',
			testEnvironment: 'node',
			transform,
			modulePathIgnorePatterns,
			testMatch: ['<rootDir>/test/engine/**/*.test.ts'],
			moduleNameMapper: {
				'^n8n-core$': 'n8n-core-v1',
				'^n8n-core/(.*)$': 'n8n-core-v1/$1',
				'^n8n-workflow$': v1Workflow,
				'^n8n-workflow/(.*)$': `${v1Workflow}/$1`,
			},
		},
	],
};
