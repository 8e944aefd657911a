// Shared jest settings: SWC compiles TypeScript (with decorator metadata, which Nest needs);
// type checking is the `typecheck` target's job, so tests start fast.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Tests run against library sources, so no build is needed first.
  moduleNameMapper: {
    '^@kafka-commerce/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    // Generated Prisma clients import their TypeScript siblings with a `.js` extension.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/src/**/*.unit.spec.ts'],
};
