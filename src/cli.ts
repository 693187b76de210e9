/**
 * Command-line tasks: `migrate`, `create-admin`, `seed-demo`.
 *   npm run cli -- migrate
 *   npm run cli -- create-admin --email ada@example.org --name "Ada" [--password …]   (asks when omitted)
 *   npm run cli -- seed-demo     (only into an empty database)
 *   npm run cli -- rebuild-balances   (recompute the ledger's running totals from its postings)
 *   npm run cli -- build-book --slug le-livre [--formats epub,html,pdf]   (build the book's editions now, with a progress bar)
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createUser } from './modules/accounts/index.ts';
import { ensureBaseline } from './baseline/ensure-baseline.ts';
import { rebuildLedgerBalances } from './modules/ledger/index.ts';
import { seedDemo } from './modules/demo/index.ts';
import { BOOK_FORMATS, BUILD_LEASE_MS, getBookBySlug, getLatestBuild, requestBuild, runQueuedBuilds, type BookFormat } from './modules/book/index.ts';

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').trim();
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password (at least 10 characters): ');
  rl.close();
  return answer.trim();
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, slug: { type: 'string' }, formats: { type: 'string' } },
  });
  const command = positionals[0];
  if (!command || !['migrate', 'create-admin', 'seed-demo', 'rebuild-balances', 'build-book'].includes(command)) {
    console.error('Usage: cli <migrate | create-admin --email E --name N [--password P] | seed-demo | rebuild-balances | build-book --slug S [--formats epub,html,pdf]>');
    return 2;
  }
  const config = loadConfig();
  const database = createDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, poolSize: 2 });
  try {
    const outcome = await migrateToLatest(database);
    await ensureBaseline(database.db, new Date());
    if (command === 'migrate') {
      console.log(outcome.applied.length ? `Applied: ${outcome.applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    if (command === 'rebuild-balances') {
      console.log(`Ledger running totals rebuilt: ${await rebuildLedgerBalances({ db: database.db, actor: null, now: new Date() })} rows.`);
      return 0;
    }
    if (command === 'build-book') return await buildBook(database, config, values.slug, values.formats);
    if (command === 'seed-demo') {
      const seeded = await seedDemo(database.db, new Date());
      console.log(`Demo programme written: ${seeded.pieces} pieces, ${seeded.contributors} contributors.`);
      return 0;
    }
    const email = values.email?.trim().toLowerCase();
    const name = values.name?.trim();
    if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !name) {
      console.error('create-admin needs --email with a valid address and --name.');
      return 2;
    }
    const password = values.password ?? (await askPassword());
    if (password.length < 10) {
      console.error('The password must be at least 10 characters long.');
      return 2;
    }
    const id = await createUser({ db: database.db, actor: null, now: new Date() }, { email, displayName: name, password, role: 'admin' });
    console.log(`Admin account #${id} created for ${email}.`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Builds a book's editions in this process, drawing a progress bar; exits 1 when the build fails (its report is printed). */
async function buildBook(database: ReturnType<typeof createDatabase>, config: ReturnType<typeof loadConfig>, slug: string | undefined, formatList: string | undefined): Promise<number> {
  const formats = (formatList ?? BOOK_FORMATS.join(',')).split(',').map((f) => f.trim());
  if (!slug || formats.some((f) => !(BOOK_FORMATS as readonly string[]).includes(f))) {
    console.error(`build-book needs --slug and, optionally, --formats among ${BOOK_FORMATS.join(',')}.`);
    return 2;
  }
  const book = await getBookBySlug(database.db, slug);
  if (!book) {
    console.error(`No book "${slug}".`);
    return 2;
  }
  const buildId = await requestBuild({ db: database.db, actor: null, now: new Date() }, { bookId: book.id, byCommandLine: true });
  const draw = (progress: number, step: string) => {
    const width = 30;
    const done = Math.round((progress / 100) * width);
    process.stderr.write(`\r[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${String(Math.round(progress)).padStart(3)} % ${step.padEnd(12)}`);
  };
  await runQueuedBuilds({ db: database.db, now: () => new Date(), baseUrl: config.baseUrl, book: config.book, leaseMs: BUILD_LEASE_MS, formats: formats as BookFormat[], onProgress: draw }, { buildId });
  process.stderr.write('\n');
  const build = await getLatestBuild(database.db, book.id);
  for (const issue of build?.report ?? []) console.log(`${issue.code}${issue.position ? ` — chapter ${issue.position}` : ''}${issue.chapter ? ` "${issue.chapter}"` : ''}${issue.image ? ` — image ${issue.image}` : ''}${issue.detail ? ` (${issue.detail})` : ''}`);
  if (build?.id !== buildId || build.status !== 'succeeded') {
    console.error(build?.id === buildId ? 'The build failed; the previous editions stay in place.' : 'Another build of this book is running: try again when it is over.');
    return 1;
  }
  console.log(`Built ${book.title}, edition ${build.edition}: content hash ${build.contentHash}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
