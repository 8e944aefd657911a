const path = require('node:path');

const stackDir = path.join(__dirname, '../../tools/stack');

/** Boots the test stack once per run (or uses a running one: see tools/stack/e2e-target.ts). */
module.exports = {
  ...require('../../jest.preset.js'),
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  globalSetup: path.join(stackDir, 'jest-global-setup.ts'),
  globalTeardown: path.join(stackDir, 'jest-global-teardown.ts'),
  testSequencer: path.join(__dirname, 'test-sequencer.js'),
  testTimeout: 60_000,
};
