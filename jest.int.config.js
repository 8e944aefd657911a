const path = require('node:path');

/** Every integration suite in one run, sharing one broker (`pnpm test` runs this). */
module.exports = {
  // Global setup/teardown load libraries through Node (built by the typecheck step).
  projects: [
    '<rootDir>/libs/*/jest.int.config.js',
    '<rootDir>/apps/*/jest.int.config.js',
    '<rootDir>/tools/jest.int.config.js',
  ],
  testTimeout: 90_000,
  globalSetup: path.join(__dirname, 'tools/testing/backends-global-setup.ts'),
  globalTeardown: path.join(__dirname, 'tools/testing/backends-global-teardown.ts'),
};
