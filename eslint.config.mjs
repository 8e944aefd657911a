import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Which kinds of project may depend on which: the architecture, checked on every lint. */
const dependencyRules = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:contract',
      'type:messaging',
      'type:platform',
      'type:util',
      'type:testing',
    ],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:contract', 'type:testing', 'type:util'],
  },
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: ['type:contract', 'type:messaging', 'type:util', 'type:testing'],
  },
  {
    // Test kits (waits, test brokers and databases, requests through the real validation
    // pipe, event factories, the messaging test kit) for any spec; production code
    // below never imports them.
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: [
      'type:contract',
      'type:util',
      'type:messaging',
      'type:platform',
      'type:testing',
    ],
  },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: ['type:platform', 'type:messaging', 'type:contract', 'type:util'],
  },
  {
    sourceTag: 'type:messaging',
    onlyDependOnLibsWithTags: ['type:contract', 'type:util'],
  },
  {
    // Contracts are plain data + schemas: no framework, ORM or Kafka client may leak in.
    sourceTag: 'type:contract',
    onlyDependOnLibsWithTags: ['type:contract', 'type:util'],
    bannedExternalImports: ['@nestjs/*', '@prisma/*', 'kafkajs', 'pg'],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/generated/**',
      '.nx/**',
      '.stack/**',
      '**/jest.config.js',
      '**/jest.int.config.js',
      '**/test-sequencer.js',
      'jest.preset.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints: dependencyRules },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Nest modules are decorated empty classes by design.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Nest DTO and option classes describe shapes (for validation and OpenAPI); plain objects
      // of that shape are what handlers return and what Nest's own APIs take.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // Nest resolves constructor parameters from emitted type metadata, so types used in a
    // constructor must stay value imports.
    files: ['apps/**/*.ts', 'libs/platform/**/*.ts', 'libs/messaging/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // The domain layer is plain TypeScript in the service's own words: no framework, ORM or
    // broker, and no wire format (consumers in messaging/ map events into commands).
    files: ['apps/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            '@prisma/*',
            'kafkajs',
            '@kafka-commerce/events',
            '**/generated/**',
            '**/infrastructure/**',
          ],
        },
      ],
    },
  },
  {
    // A service's modules (`src/<module>/`) meet only through each one's public index.ts.
    // The service's test helpers (src/testing/) and specs may reach inside.
    files: ['apps/*-service/src/**/*.ts'],
    ignores: ['apps/*/src/testing/**', '**/*.spec.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      // Nx lints from each project's folder; patterns below are from the repository's root.
      'boundaries/root-path': import.meta.dirname,
      'boundaries/include': ['apps/*-service/src/**/*.ts'],
      'boundaries/elements': [
        { type: 'service-testing', pattern: 'apps/*/src/testing' },
        { type: 'service-config', pattern: 'apps/*/src/config' },
        { type: 'prisma-client', pattern: 'apps/*/src/generated' },
        { type: 'module', pattern: 'apps/*/src/*', capture: ['service', 'module'] },
        // Files at the root of src/ (main.ts, app.module.ts): they too import modules by index.
        { type: 'service-root', pattern: 'apps/*/src' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              to: { element: { type: 'module' } },
              disallow: { to: { element: { fileInternalPath: '!index.ts' } } },
            },
            {
              dependency: { relationship: { to: 'internal' } },
              allow: { to: { element: { type: 'module' } } },
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // jest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  prettier,
);
