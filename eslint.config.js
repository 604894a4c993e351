// Lint rules, including the import boundaries between the layers (DESIGN.md §2; tests may use Node):
// core/ is pure (no Electron, React, DOM or Node I/O) except its Node adapters in core/host/;
// the renderer imports no Node and no Node adapters.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'worker_threads',
];
const uiPackages = ['react', 'react-dom', 'react-dom/*', '@xyflow/react', 'zustand', 'zustand/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**', 'data/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/host/**', 'core/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...uiPackages], message: 'core/ is pure: no Electron or UI packages.' },
            { group: [...nodeBuiltins, 'better-sqlite3'], message: 'core/ is pure: Node I/O belongs in core/host/.' },
            { group: ['**/host/*', '**/host/**', '**/host'], message: 'Pure core must not import the Node adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins, 'better-sqlite3'], message: 'The renderer runs in a sandbox: no Node.' },
            { group: ['**/core/host/*', '**/core/host/**', '**/core/host'], message: 'The renderer reaches Node only through the API.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...nodeBuiltins, 'zod', '**/core/host/*'], message: 'The preload is sandboxed and tiny.' }] },
      ],
    },
  },
);
