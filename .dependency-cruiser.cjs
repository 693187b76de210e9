/**
 * The architecture, as rules CI checks (npm test runs them through tests/architecture.test.ts).
 * Each rule says why it exists; docs/decisions/009-module-shape.md tells the whole story.
 * Tests (*.test.ts) are left out: they may reach into what they prove.
 */
const MODULE = '^src/modules/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two parts cannot be understood (or loaded) one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'modules-through-their-index',
      severity: 'error',
      comment:
        'A module uses another only through its index.ts (its public face): types, queries and commands. ' +
        'Its routes (plugin.ts), views and internals are its own.',
      from: { path: `${MODULE}` },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-modules-through-index-or-plugin',
      severity: 'error',
      comment:
        'The composition root (app.ts, server.ts, cli.ts, the baseline) wires modules by their index.ts and ' +
        'plugin.ts; the outbox and shared code use a module only through its index.ts. The one exception: ' +
        'the i18n catalogue assembles each module\'s fragment, and db/schema.ts takes status types from the domains.',
      from: { path: '^src/', pathNot: ['^src/modules/', '^src/shared/i18n/catalogue\\.ts$', '^src/db/schema\\.ts$'] },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/[^/]+/index\\.ts$', '^src/modules/[^/]+/plugin\\.tsx?$'] },
    },
    {
      name: 'plugins-only-from-the-composition-root',
      severity: 'error',
      comment: 'Registering routes is app.ts\'s decision: nothing else imports a plugin.',
      from: { pathNot: ['^src/app\\.ts$'] },
      to: { path: '(^src/modules/[^/]+/plugin\\.tsx?$)|(^src/outbox/plugin\\.tsx$)' },
    },
    {
      name: 'catalogue-reads-only-fragments',
      severity: 'error',
      comment: 'The catalogue assembles i18n fragments and nothing else of the modules.',
      from: { path: '^src/shared/i18n/catalogue\\.ts$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/i18n/(fr|en)\\.ts$' },
    },
    {
      name: 'schema-reads-only-domain-types',
      severity: 'error',
      comment: 'The table types take their status enums from the domains that own them, and nothing else.',
      from: { path: '^src/db/schema\\.ts$' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/[^/]+/domain/', '^src/modules/[^/]+/[^/]+/domain/'] },
    },
    {
      name: 'shared-knows-no-module',
      severity: 'error',
      comment: 'shared/ is the kernel every module stands on; it cannot depend on one of them (except the catalogue).',
      from: { path: '^src/shared/', pathNot: '^src/shared/i18n/catalogue\\.ts$' },
      to: { path: '^src/(modules|outbox)/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'domain/ holds the rules as plain functions: no database (not even its types: the domain owns its ' +
        'enums and db/schema.ts borrows them), no HTTP framework, no other module. It may use the shared ' +
        'kernel (errors, i18n keys) and its own module\'s domain.',
      from: { path: ['^src/modules/([^/]+)/domain/', '^src/modules/([^/]+)/[^/]+/domain/'] },
      to: {
        path: ['^src/db/', '^src/outbox/', '^src/modules/', '(^|/)node_modules/(fastify|@fastify|kysely|pg|better-sqlite3|nodemailer|stripe)/'],
        pathNot: ['^src/modules/$1/domain/', '^src/modules/$1/[^/]+/domain/'],
      },
    },
    {
      name: 'views-are-pure',
      severity: 'error',
      comment: 'Views are functions of their props: no database, no commands, no queries, no request.',
      from: { path: '/views/' },
      to: {
        path: ['^src/db/database\\.ts$', '^src/db/locks\\.ts$', '/queries(\\.ts$|/)', '/commands/', '^src/outbox/', '(^|/)node_modules/(kysely|pg|better-sqlite3|fastify|@fastify)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-test-support-in-src',
      severity: 'error',
      comment: 'Production code never imports test helpers or fixtures.',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^tests/', 'test-(fixtures|helpers|csv-reader)'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
