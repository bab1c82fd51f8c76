// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import nextPlugin from '@next/eslint-plugin-next';

/**
 * The dependency rule of docs/architecture: `components/` and `lib/` run in the browser too, so they must never
 * import `server/` or `@kubernetes/client-node` at run time. Type-only imports are erased and therefore allowed.
 */
const browserSafeImports = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          // The project's server/ by alias or relative path; not a package's own `server` entry (react-dom/server).
          regex: '^(@/|(\\.{1,2}/)+)server(/|$)',
          message: 'components/ and lib/ run in the browser: import types only from server/ (import type …).',
          allowTypeImports: true,
        },
        {
          group: ['@kubernetes/client-node', 'server-only'],
          message: 'components/ and lib/ must not load server-only packages at run time.',
          allowTypeImports: true,
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  { rules: { 'react-hooks/exhaustive-deps': 'error' } },
  ...pluginQuery.configs['flat/recommended'],
  {
    plugins: { '@next/next': nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: browserSafeImports,
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,mjs,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
  },
);
