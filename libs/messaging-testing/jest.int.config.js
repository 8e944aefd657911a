/**
 * The messaging library's integration suites, on the kit beside them: real Kafka (see
 * tools/testing/backends-global-setup.ts) and real PostgreSQL.
 */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'messaging:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int.spec.ts'],
};
