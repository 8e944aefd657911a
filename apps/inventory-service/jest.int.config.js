/** Integration suites: real PostgreSQL (POSTGRES_URL, or the local server without a password). */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'inventory-service:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int.spec.ts'],
};
