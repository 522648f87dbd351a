const path = require('path');

// End-to-end tests against real n8n installs (see README.md, "Running in a real n8n"). Run through
// `npm run test:e2e` (scripts/e2e.ts), which installs n8n, builds and packs the package first.
module.exports = {
	rootDir: path.join(__dirname, '..', '..'),
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
	testTimeout: 5 * 60_000,
	maxWorkers: 1,
	verbose: true,
};
