// Lint for omnitill. Everything is an error: CI runs with --max-warnings 0 and the dependency
// boundaries are part of the architecture (see STYLE.md), not advice.
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const TS_FILES = ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.*-spec.ts', '**/*.test.ts'];

// Layers, lowest first: a lib may import only the libs listed for it (always via its alias).
// A lib missing from this table (a new folder under libs/) gets UNKNOWN_LIB_ALLOWED until it is
// given a place here.
const LAYERS = {
  common: [],
  database: ['common'],
  store: ['common', 'database'],
  catalog: ['common', 'database'],
  customer: ['common', 'database'],
  auth: ['common', 'database', 'store', 'catalog', 'customer'],
  inventory: ['common', 'database', 'store', 'catalog'],
  coupon: ['common', 'database', 'store', 'catalog', 'customer', 'auth', 'inventory'],
  order: ['common', 'database', 'store', 'catalog', 'customer', 'auth', 'inventory', 'coupon'],
  returns: ['common', 'database', 'store', 'catalog', 'customer', 'auth', 'inventory', 'coupon', 'order'],
  events: ['common', 'database', 'store', 'catalog', 'customer', 'auth', 'inventory', 'coupon', 'order', 'returns'],
  reporting: ['common', 'database', 'store', 'catalog', 'customer', 'auth', 'inventory', 'coupon', 'order', 'returns'],
  recommendation: ['common', 'database', 'store', 'catalog', 'customer', 'auth', 'inventory', 'coupon', 'order', 'returns'],
};
const UNKNOWN_LIB_ALLOWED = ['common', 'database'];
const PRODUCTION_LIBS = Object.keys(LAYERS);
const ALL_LIBS = [...PRODUCTION_LIBS, 'testing'];

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Only the alias root (`@omnitill/order`) is public; `@omnitill/order/src/...` is not.
const NO_DEEP_ALIAS = {
  regex: '^@omnitill/[^/]+/',
  message: 'Import a lib only through its alias root (`@omnitill/<lib>` = libs/<lib>/src/index.ts), never a deep path.',
};
// `../../libs/x/src`, `../../../apps/api/...`, or baseUrl-style `libs/x/src` / `apps/api/src`.
const noPathInto = (dirs, who) => ({
  regex: `^(?:\\.{1,2}/(?:.*/)?|/.*/|)(?:${dirs.join('|')})(?:/|$)`,
  message: `${who} may not reach into ${dirs.map((d) => `${d}/`).join(' or ')} by path; import another lib through its alias \`@omnitill/<lib>\`${dirs.includes('apps') && who !== 'apps/api' && !who.startsWith('apps/api ') ? ', and libs never import apps/' : ''}.`,
});
// Every `@omnitill/<name>` except the allowed ones (so libs added later are forbidden by default).
const onlyAliases = (allowed, who) => ({
  regex:
    allowed.length === 0
      ? '^@omnitill(?:/|$)'
      : `^@omnitill/(?!(?:${allowed.map(escapeRe).join('|')})(?:/|$))`,
  message:
    allowed.length === 0
      ? `${who} is the bottom layer and may not import any @omnitill lib.`
      : `${who} may import only ${allowed.map((l) => `@omnitill/${l}`).join(', ')} (layering, see STYLE.md).`,
});
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Relative imports must stay inside the importing file's own unit: libs/<x>/src (or libs/<x>
// outside src), apps/<x>, test, bench. Regexes cannot know how deep a file sits, so this is a
// tiny rule that resolves the specifier. Paths naming libs/ or apps/ are already reported by
// no-restricted-imports and skipped here to avoid a double report.
const relativeImportsStayInside = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { allowInto: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      escapes:
        "Relative import '{{source}}' leaves {{scope}}/ (resolves to {{target}}); import other libs through `@omnitill/<lib>`.",
    },
  },
  create(context) {
    const allowInto = context.options[0]?.allowInto ?? [];
    const rel = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const parts = rel.split('/');
    let scope;
    if (parts[0] === 'libs' && parts.length > 2) {
      scope = parts[2] === 'src' && parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
    } else if (parts[0] === 'apps' && parts.length > 2) {
      scope = parts.slice(0, 2).join('/');
    } else if ((parts[0] === 'test' || parts[0] === 'bench') && parts.length > 1) {
      scope = parts[0];
    } else {
      return {};
    }
    const check = (sourceNode) => {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') {
        return;
      }
      const source = sourceNode.value;
      if (!source.startsWith('./') && !source.startsWith('../') && source !== '.' && source !== '..') {
        return;
      }
      if (/(?:^|\/)(?:libs|apps)(?:\/|$)/.test(source)) {
        return;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), source));
      if (target === scope || target.startsWith(`${scope}/`)) {
        return;
      }
      if (allowInto.some((dir) => target.startsWith(dir))) {
        return;
      }
      context.report({ node: sourceNode, messageId: 'escapes', data: { source, scope, target } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
    };
  },
};

const boundaries = [];
// Fallback for any lib folder not (yet) in LAYERS.
boundaries.push({
  name: 'omnitill/boundaries/libs-unknown',
  files: ['libs/**/*.ts'],
  rules: restrict(NO_DEEP_ALIAS, noPathInto(['libs', 'apps'], 'A lib'), onlyAliases(UNKNOWN_LIB_ALLOWED, 'A lib not listed in LAYERS (eslint.config.mjs)')),
});
for (const [lib, allowed] of Object.entries(LAYERS)) {
  const who = `libs/${lib}`;
  boundaries.push(
    {
      name: `omnitill/boundaries/${lib}`,
      files: [`libs/${lib}/**/*.ts`],
      rules: restrict(NO_DEEP_ALIAS, noPathInto(['libs', 'apps'], who), onlyAliases(allowed, who)),
    },
    {
      // A lib's own tests may also use the test kit.
      name: `omnitill/boundaries/${lib}-tests`,
      files: TEST_FILES.map((glob) => `libs/${lib}/${glob}`),
      rules: restrict(NO_DEEP_ALIAS, noPathInto(['libs', 'apps'], `${who} tests`), onlyAliases([...allowed, 'testing'], `${who} tests`)),
    },
  );
}
boundaries.push(
  {
    // Test-only kit: every lib through its alias, and the app (to build it) by path.
    name: 'omnitill/boundaries/testing',
    files: ['libs/testing/**/*.ts'],
    rules: {
      ...restrict(NO_DEEP_ALIAS, noPathInto(['libs'], 'libs/testing'), onlyAliases(PRODUCTION_LIBS, 'libs/testing')),
      'omnitill/relative-imports-stay-inside': ['error', { allowInto: ['apps/'] }],
    },
  },
  {
    // The composition root: every production lib; the test kit only from its tests.
    name: 'omnitill/boundaries/apps',
    files: ['apps/**/*.ts'],
    rules: restrict(NO_DEEP_ALIAS, noPathInto(['libs', 'apps'], 'apps/api'), onlyAliases(PRODUCTION_LIBS, 'apps/api production code (libs/testing is test-only)')),
  },
  {
    name: 'omnitill/boundaries/apps-tests',
    files: TEST_FILES.map((glob) => `apps/${glob}`),
    rules: restrict(NO_DEEP_ALIAS, noPathInto(['libs', 'apps'], 'apps/api tests'), onlyAliases(ALL_LIBS, 'apps/api tests')),
  },
  {
    // e2e journeys and benchmarks: everything, libs via alias, the app by path.
    name: 'omnitill/boundaries/test-and-bench',
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      ...restrict(NO_DEEP_ALIAS, noPathInto(['libs'], 'test/ and bench/'), onlyAliases(ALL_LIBS, 'test/ and bench/')),
      'omnitill/relative-imports-stay-inside': ['error', { allowInto: ['apps/'] }],
    },
  },
);

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', '**/coverage/', '**/.data/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    name: 'omnitill/typescript',
    files: TS_FILES,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: ROOT,
      },
    },
    plugins: {
      omnitill: { rules: { 'relative-imports-stay-inside': relativeImportsStayInside } },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-console': 'error',
      'omnitill/relative-imports-stay-inside': 'error',
    },
  },
  ...boundaries,
  {
    // Places whose job is to talk to a terminal.
    name: 'omnitill/console-allowed',
    files: ['apps/api/src/cli*.ts', 'apps/api/src/cli*/**/*.ts', 'bench/**/*.ts', 'test/setup/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
