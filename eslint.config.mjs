// Lint for Health Creation Studio: typescript-eslint's recommended rules, and the
// layering of docs/architecture.md checked on every import.
//
// The layering rule is eslint-plugin-boundaries rather than dependency-cruiser: it runs
// inside the same ESLint pass over files ESLint parses anyway (no second tool walking
// the tree, which matters on a 2-core CI), its violations appear in editors like any
// other lint error, and dependency-cruiser's current major needs Node 22 while the
// project supports Node 20.19.
//
// The rules are syntactic (no type information), so linting the whole project takes a
// few seconds; the compiler (`tsc -b`) already does the type checking.

import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages the engine may use: pure JavaScript that runs in Node, a browser and an LMS frame alike. */
const ENGINE_PACKAGES = ['xstate', 'yaml', 'zod', 'fflate'];
/** Packages that only make sense in a page (React and its helpers, HTML sanitising). */
const PAGE_PACKAGES = ['react', 'react-dom', 'react-dom/*', '@xstate/react', 'dompurify', 'markdown-it'];

/** The parts of the project, by folder. */
const PARTS = [
  { type: 'engine', pattern: 'engine', partialMatch: false },
  { type: 'main', pattern: 'main', partialMatch: false },
  { type: 'renderer', pattern: 'renderer', partialMatch: false },
  { type: 'tests', pattern: 'tests', partialMatch: false },
  { type: 'tooling', pattern: 'scripts', partialMatch: false },
  { type: 'tooling', pattern: 'bin', partialMatch: false },
];

const part = (type) => ({ element: { type } });
const packages = (source, origin = 'external') => ({ module: { origin, source } });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tsbuild/', 'release/', 'out/', 'tests/bench/.work/', '**/*.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are an error, but a leading underscore marks one kept on purpose
      // (a destructured field left out, an argument a signature requires).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark and screenshot scripts hand functions to page.evaluate, which run in the page.
    files: ['tests/**/*.mjs'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['engine/**/*.ts', 'main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': PARTS,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          message:
            '{{from.type}}/ may not import "{{dependency.source}}": engine/ imports only engine/ and pure libraries; main/ and renderer/ import engine/, never each other (docs/architecture.md)',
          policies: [
            // engine/ is VS Code's common/: the language and a few pure libraries, nothing else.
            {
              from: part('engine'),
              allow: { to: [part('engine'), packages(ENGINE_PACKAGES)] },
              message: 'engine/ may import only engine/ and the pure libraries (' + ENGINE_PACKAGES.join(', ') + '), never main/, renderer/, electron, node:*, React or the DOM',
            },
            // main/ is Node and Electron; it serves the renderer's build as files, never imports it.
            {
              from: part('main'),
              allow: { to: [part('main'), part('engine'), { module: { origin: 'core' } }, { module: { origin: 'external' } }] },
              message: 'main/ may import main/, engine/, Node and its packages, never renderer/',
            },
            {
              from: part('main'),
              disallow: { to: packages(PAGE_PACKAGES) },
              message: 'main/ runs no page: React and the page libraries belong to renderer/',
            },
            // renderer/ runs in a sandboxed page: it meets main/ only through the Studio API.
            {
              from: part('renderer'),
              allow: { to: [part('renderer'), part('engine'), { module: { origin: 'external' } }] },
              message: 'renderer/ may import renderer/, engine/ and page packages, never main/, electron or node:* (it reaches the back end through the Studio API)',
            },
            {
              from: part('renderer'),
              disallow: { to: packages(['electron', 'electron/*']) },
              message: 'renderer/ runs sandboxed: it reaches the back end through the Studio API, never electron',
            },
            // Tests may reach into every part.
            { from: part('tests'), allow: { to: [{ element: { type: '*' } }, { module: { origin: '*' } }] } },
          ],
        },
      ],
    },
  },
);
