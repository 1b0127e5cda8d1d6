// One lint configuration for the whole monorepo (ESLint flat config + typescript-eslint with type
// information). The workflow override enforces the Temporal sandbox rules of HOUSE-STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import specifiers workflow (and domain) code may use, as regular-expression sources.
const TEMPORAL_WORKFLOW = '@temporalio/workflow';
const TEMPORAL_COMMON = '@temporalio/common';
const CONTRACTS_ROOT = '@commerce/contracts/[a-z0-9-]+'; // not /schemas (TypeBox, Node-free but heavy)
const SEGMENT = '[\\w-][\\w.-]*'; // a path segment that is not `.` or `..`
const SAME_FOLDER_OR_BELOW = `\\./(?:${SEGMENT}/)*${SEGMENT}`;
const DOMAIN_CODE = `(?:\\.\\./)+domain/(?:${SEGMENT}/)*${SEGMENT}`;
/** A pattern matching every specifier except the allowed ones. */
const notOneOf = (allowed) => `^(?!(?:${allowed.join('|')})$)`;

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
    // Workflow code runs in Temporal's deterministic sandbox: an ALLOW-list of what it may import
    // (HOUSE-STYLE "Workflows and activities"). `import type` of anything is fine (erased).
    files: ['apps/*/src/workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: notOneOf([TEMPORAL_WORKFLOW, CONTRACTS_ROOT, SAME_FOLDER_OR_BELOW, DOMAIN_CODE]),
              allowTypeImports: true,
              message:
                'Workflow code may import only @temporalio/workflow, the contracts\' root entries (@commerce/contracts/<domain>), ../domain/ code and other workflow files; anything else with `import type` only.',
            },
          ],
        },
      ],
    },
  },
  {
    // domain/ is pure (workflows import it): no I/O, no Node, no SDK beyond @temporalio/common's values.
    files: ['apps/*/src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: notOneOf([TEMPORAL_COMMON, CONTRACTS_ROOT, SAME_FOLDER_OR_BELOW]),
              allowTypeImports: true,
              message:
                'domain/ code is pure: it may import only other domain/ files, the contracts\' root entries and @temporalio/common; anything else with `import type` only.',
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
