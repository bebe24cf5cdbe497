// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, by the names an import may use. */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'stream', 'zlib'];

export default defineConfig(
  { ignores: ['dist/', 'data/', 'db/migrations/', '**/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks a binding that is there on purpose (an omitted property, a callback's unused
      // parameter); the rest of a destructuring is what is used.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // An async function without await still turns a throw into a rejection, which its callers rely on.
      '@typescript-eslint/require-await': 'off',
      // `never` in a template is the exhaustiveness check's message for a value that cannot occur.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNever: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
    rules: {
      // The web app's program sees Node's types (through the server's AppType), so the compiler cannot keep Node out.
      'no-restricted-imports': ['error', { patterns: [{ group: nodeBuiltins, message: 'web/ runs in the browser: no Node modules.' }] }],
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'global', '__dirname', '__filename', 'require'].map((name) => ({ name, message: 'web/ runs in the browser.' }))],
    },
  },
  {
    // The API and database tests read JSON answers as `any` and let the assertions check their shape; typing every
    // body would repeat what the expectations already say. The web tests are typed like the web app.
    files: ['tests/**/*.ts'],
    ignores: ['tests/web/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // W. J. Cody's rational approximations, quoted digit for digit from the published tables so that they can be
    // compared with them, and reference values to 17 digits: each literal is meant as the double nearest to it.
    files: ['server/analytics/normal.ts', 'tests/server/analytics/normal.test.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // Db is drizzle's engine-neutral PgDatabase, whose execute() answers `unknown` whatever its type argument; both
    // engines answer { rows }, read through an assertion, which this rule mistakes for a type argument in disguise.
    files: ['db/client.ts', 'db/queries/queryable.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // Functions that take any hono app: hono's own signatures leave the schema and base path open with `any` too.
    files: ['server/http/openapi.ts', 'server/routes/static-web.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
);
