// Layer rules after VS Code's code-layering idea: core is platform-neutral, the webview
// talks to the host only by messages, cli and extension sit on top.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'zlib',
  'stream',
  'worker_threads',
  'child_process',
  'url',
  'util',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'out-*/**',
      'node_modules/**',
      '.vscode-test/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // TypeScript itself checks for undefined names (and knows each layer's globals).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode'], message: 'core must not depend on the VS Code API' },
            {
              group: nodeBuiltins,
              message: 'core also runs in a browser worker: no Node built-ins',
            },
            {
              group: [
                '**/extension/**',
                '**/cli/**',
                '**/node/**',
                '**/worker/**',
                '**/webview/**',
              ],
              message: 'core is the bottom layer',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'core uses Uint8Array, not Buffer' },
        { name: 'process', message: 'core is platform-neutral' },
        { name: 'require', message: 'core is ES modules' },
        { name: 'document', message: 'core has no DOM' },
        { name: 'window', message: 'core has no DOM' },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode'], message: 'node adapters must not depend on the VS Code API' },
            {
              group: ['**/extension/**', '**/cli/**', '**/webview/**'],
              message: 'node sits below extension and cli',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', '**/extension/**', '**/webview/**'],
              message: 'the CLI uses core and node only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'vscode',
                ...nodeBuiltins,
                '**/src/extension/**',
                '**/src/cli/**',
                '**/src/node/**',
              ],
              message: 'webview talks to the host only by messages',
            },
            {
              // The message protocols and core's pure text formatters; no dissectors, readers...
              regex: '(^|/)src/core/(?!(protocol|format|report)/)',
              message:
                'webview may use only src/core/protocol and pure formatters (format, report)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['vscode'], message: 'unit tests run outside VS Code' }] },
      ],
    },
  },
  {
    files: ['esbuild.mjs', 'eslint.config.mjs', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
