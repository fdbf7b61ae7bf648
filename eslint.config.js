// Lint: typescript-eslint's recommended rules, the regexp plugin's backtracking check, and the layer boundaries
// of docs/DEVELOPERS.md (an import against the arrow fails here, so a folder cycle cannot come back).
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

/**
 * The folders of shared/, lowest first. A folder may import its own layer and the layers below it, never one above:
 *   text → format → report → findings → narrative → rules → import, export → app
 * and shared/ as a whole imports none of the hosts (cli/, src-main/, src-renderer/) nor their runtimes.
 */
const LAYERS = [['text'], ['format'], ['report'], ['findings'], ['narrative'], ['rules'], ['import', 'export'], ['app']];

/** Runtimes shared/ must not touch: it runs in the renderer, the main process, the CLI and a worker alike. */
const RUNTIMES = ['electron', 'react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'zundo', 'node:*'];
const NODE_BUILTINS = ['fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'stream', 'zlib', 'buffer'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const folderRegex = (folders) => `^\\.\\./(?:${folders.map(escape).join('|')})(?:/|$)`;

const layerBoundaries = LAYERS.map((layer, i) => {
  const above = LAYERS.slice(i + 1).flat();
  const patterns = [
    { group: RUNTIMES, message: 'shared/ is pure TypeScript: no electron, react, zustand or node:* (docs/DEVELOPERS.md).' },
    { group: NODE_BUILTINS, message: 'shared/ is pure TypeScript: no Node built-ins (docs/DEVELOPERS.md).' },
    { regex: '^(?:\\.\\./)+(?:cli|src-main|src-renderer|bin|scripts)(?:/|$)', message: 'shared/ never imports a host.' },
  ];
  if (above.length) {
    patterns.push({
      regex: folderRegex(above),
      message: `shared/${layer.join(', ')} is below ${above.join(', ')} (docs/DEVELOPERS.md, layers).`,
    });
  }
  // ipc.ts is the hosts' contract; the layers beneath it never need it.
  patterns.push({ regex: '^\\.\\./ipc$', message: 'shared/ipc.ts is the hosts’ contract; the layers beneath it do not import it.' });
  return {
    files: layer.map((f) => `shared/${f}/**/*.{ts,tsx}`),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', '.tmp/**', 'test-results/**', 'bench/results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Code is wrapped by Prettier at 160; a long message, regex or test fixture is one literal, better whole than cut.
      'max-len': ['error', { code: 160, tabWidth: 2, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      // Untrusted text goes through these expressions: no polynomial backtracking.
      'regexp/no-super-linear-backtracking': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese text has full-width spaces (U+3000) in its strings and patterns on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true }],
      'regexp/no-invisible-character': 'off',
      // Readers strip control characters from foreign files on purpose.
      'no-control-regex': 'off',
      // Style of patterns, not correctness: [0-9] beside [０-９] reads better than \d, \s beside \u3000 says what is meant.
      'regexp/no-unused-capturing-group': 'off',
      'regexp/no-obscure-range': 'off',
      'regexp/no-dupe-characters-character-class': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/no-useless-non-capturing-group': 'off',
      'regexp/prefer-d': 'off',
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/match-any': 'off',
      'regexp/no-useless-escape': 'off',
      'regexp/no-useless-assertions': 'off',
      'no-useless-escape': 'off',
      'preserve-caught-error': 'off',
    },
  },
  {
    // Tests stub Electron and Node objects loosely.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerBoundaries,
  {
    // The readers take hostile files: a pattern retried from every position of a long run (/[ \u00a0]+$/ on
    // 80,000 spaces before a letter: 5.4 s) is as bad as one that backtracks. shared/import/bounded.ts trims in one pass.
    files: ['shared/import/**/*.ts', 'shared/export/**/*.ts'],
    rules: { 'regexp/no-super-linear-move': 'error' },
  },
  {
    files: ['shared/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: RUNTIMES, message: 'shared/ is pure TypeScript: no electron, react, zustand or node:*.' },
            { group: NODE_BUILTINS, message: 'shared/ is pure TypeScript: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Node's globals: docx's own types pull @types/node into every project, so the compiler cannot refuse them here.
    files: ['shared/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'A Node global: shared/ and the renderer run without Node.',
        })),
      ],
    },
  },
  {
    // The renderer runs in a sandboxed page: no Node, no Electron (it talks to main through window.api, shared/ipc.ts).
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', ...NODE_BUILTINS], message: 'The renderer has no Node and no Electron: ask main through shared/ipc.ts.' },
            { regex: '^(?:\\.\\./)+(?:cli|src-main)(?:/|$)', message: 'The renderer does not import another host.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.{ts,mts,cts}', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'React and zustand belong to the renderer.' },
            { regex: '^(?:\\.\\./)+src-renderer(?:/|$)', message: 'A host does not import the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
