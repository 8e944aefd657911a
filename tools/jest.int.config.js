module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'tools:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.int.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
};
