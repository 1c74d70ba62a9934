// @ts-check
/**
 * Lint: typescript-eslint's recommended rules (type-unaware, for speed) and
 * the one-way layer rule of docs/ARCHITECTURE.md:
 *
 *   hosts (electron, web) and cli → api → services → db → core
 *
 * - core imports nothing outside core, and of libraries only the pure ones
 *   (date-fns, @date-fns/tz, zod, and chinese-days for its holiday data): no Node
 *   built-ins, no sqlite, no electron.
 * - the renderer imports from src-main at run time only core (pure rules: the
 *   one source of a rule for the server and the console alike), the contract
 *   (api/contract.ts, define.ts, schemas.ts, methods/: pure, so a page reads
 *   the role each method needs) and src-main/api/bridge.ts (the preload's
 *   channel and event names); anything else only with `import type`.
 * - the contract imports core and zod; services and db only as types.
 * - a migration (src-main/db/migrations) imports nothing but other files of
 *   that folder and better-sqlite3's types: once released it is frozen, so its
 *   SQL and any data logic it needs are its own copies, never live code.
 * - services hold no SQL: no `.prepare`, `.exec` or `.pragma` calls there
 *   (readers and writers in src-main/db do it).
 * - tests may import anything.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_GLOBALS = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'structuredClone', 'fetch', 'AbortController',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask',
  ].map((name) => [name, 'readonly']),
);

const PURE_LIBRARIES = ['date-fns', '@date-fns/tz', 'zod', 'chinese-days'];

/** Element types, most specific first (the first matching pattern wins). */
const ELEMENTS = [
  { type: 'enums', pattern: 'src-main/core/enums.ts', mode: 'full' },
  { type: 'money', pattern: 'src-main/core/money.ts', mode: 'full' },
  { type: 'core', pattern: 'src-main/core/**', mode: 'full' },
  { type: 'migrations', pattern: 'src-main/db/migrations/**', mode: 'full' },
  { type: 'db', pattern: 'src-main/db/**', mode: 'full' },
  { type: 'hq-migrations', pattern: 'src-main/hq/db/migrations/**', mode: 'full' },
  { type: 'hq-db', pattern: 'src-main/hq/db/**', mode: 'full' },
  { type: 'hq-services', pattern: 'src-main/hq/services/**', mode: 'full' },
  { type: 'hq-cli', pattern: 'src-main/hq/cli/**', mode: 'full' },
  { type: 'services', pattern: 'src-main/services/**', mode: 'full' },
  { type: 'bridge', pattern: 'src-main/api/bridge.ts', mode: 'full' },
  {
    type: 'contract',
    pattern: ['src-main/api/contract.ts', 'src-main/api/define.ts', 'src-main/api/schemas.ts', 'src-main/api/methods/**'],
    mode: 'full',
  },
  { type: 'api', pattern: 'src-main/api/**', mode: 'full' },
  { type: 'electron-host', pattern: 'src-main/hosts/electron/**', mode: 'full' },
  { type: 'web-host', pattern: 'src-main/hosts/web/**', mode: 'full' },
  { type: 'receiver', pattern: 'src-main/hosts/receiver/**', mode: 'full' },
  { type: 'cli', pattern: 'src-main/cli/**', mode: 'full' },
  { type: 'renderer', pattern: 'src-renderer/**', mode: 'full' },
  { type: 'tests', pattern: 'tests/**', mode: 'full' },
];

const CORE = ['core', 'enums', 'money'];
const API = ['api', 'bridge'];
/** Storage: the readers and writers, and the migrations (whose version number the CLI and backups read). */
const DB = ['db', 'migrations'];
const BELOW_HOSTS = [...API, 'contract', 'services', ...DB, ...CORE];

const LAYER_RULES = [
  { from: CORE, allow: CORE },
  { from: ['migrations'], allow: ['migrations'] },
  { from: ['db'], allow: ['db', 'migrations', ...CORE] },
  { from: ['services'], allow: ['services', ...DB, ...CORE] },
  // The contract is pure (schemas, roles, output types), so the renderer can read its role table.
  { from: ['contract'], allow: ['contract', ...CORE] },
  { from: ['contract'], allow: ['services', 'db', 'api', 'bridge'], importKind: 'type' },
  { from: API, allow: [...API, 'contract', 'services', ...DB, ...CORE] },
  { from: ['electron-host'], allow: ['electron-host', ...BELOW_HOSTS] },
  { from: ['web-host'], allow: ['web-host', ...BELOW_HOSTS] },
  // Headquarters (src-main/hq): its own PostgreSQL storage and migrations, use cases that share the
  // console's bundle format and verification (core, services/export) but never the console's database.
  { from: ['hq-migrations'], allow: ['hq-migrations'] },
  { from: ['hq-db'], allow: ['hq-db', 'hq-migrations', ...CORE] },
  { from: ['hq-services'], allow: ['hq-services', 'hq-db', 'services', ...CORE] },
  { from: ['hq-cli'], allow: ['hq-cli', 'hq-services', 'hq-db', 'receiver', ...CORE] },
  // Headquarters' receiver shares the bundle format and verification, nothing of the console's database;
  // it files into a folder (reference) or into PostgreSQL through hq's use cases.
  { from: ['receiver'], allow: ['receiver', 'services', 'hq-services', 'hq-db', ...CORE] },
  // `complaint-desk serve` starts the web host.
  { from: ['cli'], allow: ['cli', 'web-host', ...BELOW_HOSTS] },
  { from: ['renderer'], allow: ['renderer', 'bridge', 'contract', ...CORE] },
  { from: ['renderer'], allow: BELOW_HOSTS, importKind: 'type' },
  { from: ['tests'], allow: ['*'] },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'test-results/', '.vite/', 'tmp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: NODE_GLOBALS },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules; the React Compiler rules of v7's preset are not used here.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'tests/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/include': ['src-main/**', 'src-renderer/**', 'tests/**'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} must not import ${dependency.type} (layers point one way: hosts/cli → api → services → db → core; the renderer imports src-main only as types)',
          rules: LAYER_RULES,
        },
      ],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.{1,2}/|(${PURE_LIBRARIES.map((l) => l.replace('/', '\\/')).join('|')})(\\/|$))`,
              message: `core is pure: it may import only other core files and ${PURE_LIBRARIES.join(', ')}.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|better-sqlite3$)',
              message: 'A released migration is frozen: it may import only files of src-main/db/migrations (its own copies of any logic) and better-sqlite3.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/hq/db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\./)', message: "A released headquarters migration is frozen: it imports only files of src-main/hq/db/migrations." }] },
      ],
    },
  },
  {
    // SQL lives in db/ (readers and writers, one per table group); services hold use cases only.
    files: ['src-main/services/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: 'No SQL in services: put the statement in a reader or writer of src-main/db and call that.',
        },
        {
          selector: "CallExpression[callee.property.name='exec']:not([callee.object.regex])",
          message: 'No SQL in services: put the statement in src-main/db (a regular expression reads better as string.match).',
        },
        {
          selector: "CallExpression[callee.property.name='pragma']",
          message: 'No connection settings in services: src-main/db/connection-scope.ts (or a db module of its own) sets them.',
        },
      ],
    },
  },
  {
    // The sandboxed preload and the page may not reach Node.
    files: ['src-main/hosts/electron/preload.ts', 'src-renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^node:', message: 'No Node built-ins here: this code runs in the sandboxed renderer.' }] },
      ],
    },
  },
);
