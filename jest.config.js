/** Every unit suite in one run (`pnpm test`); the end-to-end suite has its own config. */
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/apps/*-service/jest.config.js',
    '<rootDir>/tools/jest.config.js',
  ],
};
