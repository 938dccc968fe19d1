// ESLint flat config for the JavaScript in this repository: the Chrome extension (plain
// scripts shared by content scripts, the service worker and Node tests), its Node tests, the
// browser end-to-end tests and the benchmarks.
'use strict';

const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
  {
    ignores: ['**/node_modules/**', 'build*/**', 'artifacts/**', '**/*.min.js', '**/dist/**', 'tests/e2e/**/bundle*.js'],
  },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker, module: 'readonly', require: 'readonly' },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      strict: ['error', 'function'],
    },
  },
  {
    files: ['tests/**/*.js', 'bench/**/*.js', 'eslint.config.js', 'tests/**/*.cjs', 'bench/**/*.cjs'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'commonjs',
      globals: { ...globals.node, ...globals.browser, ...globals.webextensions },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
    },
  },
  {
    files: ['tests/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
  },
];
