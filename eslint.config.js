// One lint configuration for the whole monorepo (ESLint flat config + typescript-eslint with type
// information). The workflow override enforces the Temporal sandbox rules of HOUSE-STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/reports/**', '**/.cache/**', '**/.data/**', '**/.turbo/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read the environment only in config.ts (HOUSE-STYLE: config).',
        },
      ],
    },
  },
  {
    // config.ts files, CLIs and test setup are the places allowed to read process.env / print.
    files: ['**/config.ts', '**/cli/**/*.ts', '**/cli.ts', '**/*.test.ts', '**/test/**/*.ts', 'bench/**/*.ts', '**/vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off', 'no-console': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox.
    files: ['apps/*/src/workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in workflow code.' })),
          patterns: [
            {
              group: ['@temporalio/activity', '@temporalio/client', '@temporalio/worker', '@temporalio/testing', 'pino', 'pino-*'],
              message: 'Workflow code may import only @temporalio/workflow, domain/ code and contracts.',
            },
            {
              group: ['**/adapters/**', '**/activities', '**/activities/**', '@commerce/*/schemas', '@commerce/contracts/*/schemas'],
              allowTypeImports: true,
              message: 'Import activities, adapters and schemas in workflow code with `import type` only.',
            },
            {
              group: ['@commerce/sqlite-store', '@commerce/catalog-search', '@commerce/logging', '@commerce/config', '@commerce/temporal-*', '@commerce/worker-runtime'],
              message: 'Node-only kits cannot be imported from workflow code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
