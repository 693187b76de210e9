/**
 * The fault test: a child process writes ledger transactions in a loop (tests/helpers/ledger-writer.ts)
 * and is killed with SIGKILL at a random moment, several times over; afterwards every transaction is
 * whole, the ledger balances, and nothing the writer saw committed has been lost. A control test
 * proves the checks would notice a torn write (a header without its lines, a lost line, an orphan
 * line) and, on SQLite, a damaged file.
 *
 * The writer prints, before each transaction, how many it has committed (see its header), so the
 * parent knows exactly which keys must be in the database after the kill, and whether the kill
 * landed while a transaction was under way.
 *
 * Replay a run with LEDGER_CRASH_SEED=<seed printed in the output>.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type Dialect, type Executor } from '../src/db/database.ts';
import { postTransaction } from '../src/modules/ledger/commands/post-transaction.ts';
import { credit, debit } from '../src/modules/ledger/domain/posting.ts';
import { ledgerTotal } from '../src/modules/ledger/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './helpers/test-database.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WRITER = path.join(REPO_ROOT, 'tests', 'helpers', 'ledger-writer.ts');
const ROUNDS = 5;
/** How long a writer may take to start and commit its first transaction. */
const START_TIMEOUT_MS = 15_000;
const TEST_TIMEOUT_MS = 90_000;

const RUN_SEED = process.env.LEDGER_CRASH_SEED || randomBytes(4).toString('hex');

/** Math.random is not replayable; this generator is (mulberry32 seeded from a string). */
function seeded(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The checker: everything it finds wrong goes into `problems`, so a test asserts `problems` is
// empty and the control test asserts it is not.
// ---------------------------------------------------------------------------------------------

interface LedgerCheck {
  transactions: number;
  lines: number;
  /** Sum of every line, in cents (exact: BigInt in JS, then compared with the SQL sum). */
  total: bigint;
  /** Transactions with fewer than 2 lines or whose lines do not sum to 0 (SQL). */
  badTransactionIds: number[];
  /** Lines whose transaction does not exist. */
  orphanLines: number;
  /** What the ledger's own audit (ledgerTotal) reports. */
  ledgerTotal: { total: number; unbalanced: number };
  problems: string[];
}

async function checkLedger(db: Executor): Promise<LedgerCheck> {
  const problems: string[] = [];

  // 1. Explicit SQL, starting from the transactions so a header without any line is seen too.
  const bad = await sql<{ id: number; n: number | string; s: number | string }>`
    select t.id as id, count(l.id) as n, coalesce(sum(l.amount), 0) as s
    from ledger_transactions t left join ledger_lines l on l.transaction_id = t.id
    group by t.id
    having count(l.id) < 2 or coalesce(sum(l.amount), 0) <> 0
    order by t.id`.execute(db);
  const badTransactionIds = bad.rows.map((r) => Number(r.id));
  for (const r of bad.rows) problems.push(`transaction ${r.id}: ${r.n} line(s) summing to ${r.s}`);

  const orphans = await sql<{ n: number | string }>`
    select count(*) as n from ledger_lines l
    where not exists (select 1 from ledger_transactions t where t.id = l.transaction_id)`.execute(db);
  const orphanLines = Number(orphans.rows[0]?.n ?? 0);
  if (orphanLines !== 0) problems.push(`${orphanLines} line(s) reference a missing transaction`);

  const sums = await sql<{ n: number | string; s: number | string }>`
    select count(*) as n, coalesce(sum(amount), 0) as s from ledger_lines`.execute(db);
  const sqlTotal = BigInt(String(sums.rows[0]?.s ?? 0));
  if (sqlTotal !== 0n) problems.push(`the lines sum to ${sqlTotal} in SQL, not 0`);

  // 2. The same rules again in JS over every row, independent of the SQL aggregates.
  const txRows = await db.selectFrom('ledger_transactions').select('id').execute();
  const lineRows = await db.selectFrom('ledger_lines').select(['transaction_id', 'amount']).execute();
  const perTx = new Map<number, { n: number; sum: bigint }>(txRows.map((t) => [Number(t.id), { n: 0, sum: 0n }]));
  let total = 0n;
  let jsOrphans = 0;
  for (const line of lineRows) {
    const amount = BigInt(String(line.amount));
    total += amount;
    const tx = perTx.get(Number(line.transaction_id));
    if (!tx) jsOrphans += 1;
    else {
      tx.n += 1;
      tx.sum += amount;
    }
  }
  const jsBad = [...perTx].filter(([, t]) => t.n < 2 || t.sum !== 0n).map(([id]) => id).sort((a, b) => a - b);
  if (total !== 0n) problems.push(`the lines sum to ${total} in JS, not 0`);
  if (total !== sqlTotal) problems.push(`JS total ${total} differs from SQL total ${sqlTotal}`);
  if (jsOrphans !== orphanLines) problems.push(`JS sees ${jsOrphans} orphan line(s), SQL ${orphanLines}`);
  if (jsBad.join(',') !== badTransactionIds.join(',')) problems.push(`JS finds bad transactions [${jsBad}], SQL [${badTransactionIds}]`);
  if (Number(sums.rows[0]?.n ?? 0) !== lineRows.length) problems.push('SQL and JS count different lines');

  // 3. The application's own query.
  const lt = await ledgerTotal(db);
  if (lt.total !== 0) problems.push(`ledgerTotal().total is ${lt.total}`);
  if (lt.unbalanced !== 0) problems.push(`ledgerTotal().unbalanced is ${lt.unbalanced}`);

  return { transactions: txRows.length, lines: lineRows.length, total, badTransactionIds, orphanLines, ledgerTotal: lt, problems };
}

/** `PRAGMA integrity_check` and `foreign_key_check` on a SQLite file: 'ok', or what went wrong. */
function sqliteIntegrity(file: string): string {
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file, { fileMustExist: true });
    const integrity = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const messages = integrity.map((r) => r.integrity_check);
    if (messages.length !== 1 || messages[0] !== 'ok') return messages.join('; ');
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) return `foreign_key_check: ${JSON.stringify(fk)}`;
    return 'ok';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    sqlite?.close();
  }
}

/** The idempotency keys `<seed>:<i>` committed by one writer, as the sorted list of i. */
async function committedIndexes(db: Executor, seed: string): Promise<number[]> {
  const rows = await db.selectFrom('ledger_transactions').select('idempotency_key').where('idempotency_key', 'like', `${seed}:%`).execute();
  return rows.map((r) => Number(r.idempotency_key.slice(seed.length + 1))).sort((a, b) => a - b);
}

/** The PostgreSQL URL with `application_name` set, so the writer's backend can be found. */
function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

async function backendsGone(db: Executor, applicationName: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const r = await sql<{ n: number | string }>`select count(*) as n from pg_stat_activity where application_name = ${applicationName}`.execute(db);
    if (Number(r.rows[0]?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error(`the backend of writer ${applicationName} is still there 10 s after the kill`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------------------------------------
// One round: start a writer, let it commit, kill it.
// ---------------------------------------------------------------------------------------------

interface Round {
  seed: string;
  startupMs: number;
  extraMs: number;
  /** The last count the writer printed: that many transactions were committed for sure. */
  lastReported: number;
  signal: NodeJS.Signals | null;
}

async function runAndKill(dialect: Dialect, target: string, seed: string, extraMs: number): Promise<Round> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dialect, target, seed], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  let lastReported = -1;
  let stderr = '';
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  let onCommitted: (() => void) | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    const last = lines.at(-1);
    if (last !== undefined) lastReported = Number(last);
    if (lastReported >= 1) onCommitted?.();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });

  // Wait for the first commit, or fail if the writer dies or hangs first.
  let timer: NodeJS.Timeout | undefined;
  const firstCommit = await Promise.race([
    new Promise<'committed'>((resolve) => {
      onCommitted = () => resolve('committed');
    }),
    closed.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), START_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (firstCommit !== 'committed') {
    child.kill('SIGKILL');
    const { code, signal } = await closed;
    throw new Error(`writer ${seed} ${firstCommit} before its first commit (code ${code}, signal ${signal}):\n${stderr}`);
  }
  const startupMs = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, extraMs));
  const alive = child.exitCode === null && child.signalCode === null;
  child.kill('SIGKILL');
  // 'close' comes after stdout is drained: every count written before the kill has been read.
  const { code, signal } = await closed;
  if (!alive) throw new Error(`writer ${seed} exited on its own (code ${code}):\n${stderr}`);
  if (stderr.trim() !== '') throw new Error(`writer ${seed} wrote on stderr:\n${stderr}`);
  return { seed, startupMs, extraMs, lastReported, signal };
}

// ---------------------------------------------------------------------------------------------

describe.each(DIALECTS)('ledger under SIGKILL (%s)', (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(
    'keeps every transaction whole and the ledger balanced when the writer is killed at random moments',
    async () => {
      const random = seeded(`${RUN_SEED}:${dialect}`);
      const t0 = Date.now();
      let target: string;
      /** A handle for the checks: reopened each time on SQLite (the file is the writer's meanwhile). */
      let withDb: <T>(fn: (db: Database) => Promise<T>) => Promise<T>;
      let sqliteFile: string | undefined;

      if (dialect === 'sqlite') {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'));
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
        sqliteFile = path.join(dir, 'ledger.sqlite');
        const created = await createTestDatabase('sqlite', { sqlitePath: sqliteFile, baseline: false });
        await created.destroy(); // the writer is the only one with the file open while it runs
        target = sqliteFile;
        const file = sqliteFile;
        withDb = async (fn) => {
          const database = createDatabase({ sqlitePath: file });
          try {
            return await fn(database);
          } finally {
            await database.close();
          }
        };
      } else {
        const created: TestDatabase = await createTestDatabase('postgres', { baseline: false });
        cleanups.push(() => created.destroy());
        if (!created.url) throw new Error('createTestDatabase(postgres) returned no url');
        target = created.url;
        withDb = (fn) => fn(created);
      }

      const log: string[] = [];
      let previousCount = 0;
      let midTransactionKills = 0;
      for (let r = 1; r <= ROUNDS; r++) {
        const seed = `crash-${RUN_SEED}-${dialect}-r${r}`;
        const extraMs = 50 + Math.floor(random() * 351); // 50–400 ms after the first commit
        const round = await runAndKill(dialect, dialect === 'postgres' ? withApplicationName(target, seed) : target, seed, extraMs);
        expect(round.signal, `writer ${seed} was killed`).toBe('SIGKILL');
        // On PostgreSQL a COMMIT sent just before the kill may still land: wait for the server to
        // notice the closed connection and end its backend, so what we count no longer moves.
        if (dialect === 'postgres') await withDb((database) => backendsGone(database.db, seed));

        const { check, indexes } = await withDb(async (database) => ({
          check: await checkLedger(database.db),
          indexes: await committedIndexes(database.db, seed),
        }));
        const committed = indexes.length;
        // Keys are posted in order, one at a time: the committed ones are exactly 0 … n-1.
        expect(indexes, `${seed}: committed keys are a prefix`).toEqual(Array.from({ length: committed }, (_, i) => i));
        // The count printed last was printed after those commits returned: none may be lost.
        // At most the one transaction under way at the kill may have committed beyond it.
        expect(committed, `${seed}: reported ${round.lastReported}, found ${committed}`).toBeGreaterThanOrEqual(round.lastReported);
        expect(committed).toBeLessThanOrEqual(round.lastReported + 1);
        expect(committed).toBeGreaterThan(0);
        expect(check.problems, `${seed}: ledger after the kill`).toEqual([]);
        expect(check.transactions, 'the ledger grows every round').toBe(previousCount + committed);
        expect(check.transactions).toBeGreaterThan(previousCount);
        previousCount = check.transactions;

        // `lastReported === committed`: the transaction for key #committed had begun and was rolled
        // back. Otherwise the open transaction committed: the kill came during or after its COMMIT.
        const midway = committed === round.lastReported;
        if (midway) midTransactionKills += 1;
        if (sqliteFile) expect(sqliteIntegrity(sqliteFile), `${seed}: integrity_check`).toBe('ok');
        log.push(
          `round ${r}: start→first commit ${round.startupMs} ms, killed ${round.extraMs} ms later, ` +
            `${committed} committed (${check.lines} lines in all), ${midway ? 'the open transaction was rolled back' : 'the last transaction committed (killed during or after its COMMIT)'}`,
        );
      }

      // The final state, through a fresh handle.
      const final = await withDb((database) => checkLedger(database.db));
      expect(final.problems).toEqual([]);
      expect(final.transactions).toBe(previousCount);
      expect(final.transactions).toBeGreaterThanOrEqual(ROUNDS);
      expect(final.lines).toBeGreaterThanOrEqual(2 * final.transactions);
      expect(final.total).toBe(0n);
      expect(final.orphanLines).toBe(0);
      expect(final.badTransactionIds).toEqual([]);
      expect(final.ledgerTotal).toEqual({ total: 0, unbalanced: 0 });
      if (sqliteFile) expect(sqliteIntegrity(sqliteFile)).toBe('ok');

      console.log(
        `[ledger-crash ${dialect}] seed ${RUN_SEED}: ${final.transactions} transactions / ${final.lines} lines over ${ROUNDS} kills, ` +
          `${midTransactionKills} of them rolling back an open transaction, ${Date.now() - t0} ms\n  ${log.join('\n  ')}`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'control: the checks notice a torn transaction, a lost line, an orphan line and a damaged file',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-control-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const file = path.join(dir, 'control.sqlite');
      const control = await createTestDatabase(dialect, dialect === 'sqlite' ? { sqlitePath: file, baseline: false } : { baseline: false });
      let destroyed = false;
      cleanups.push(() => (destroyed ? undefined : control.destroy()));

      // A few hundred whole transactions, so the damaged-file check has pages to damage.
      const now = new Date('2026-03-01T12:00:00Z');
      await control.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 300; i++) {
          const amount = 100 + i;
          await postTransaction(
            { db: trx, actor: null, now },
            {
              date: now.toISOString(),
              description: `control #${i}`,
              causeType: 'crash_test',
              causeId: i,
              idempotencyKey: `control:${i}`,
              lines: [debit('assets:bank', amount), credit('income:tickets', amount - 1), credit('income:donations', 1)],
            },
          );
        }
      });
      expect((await checkLedger(control.db)).problems).toEqual([]);

      // Torn writes, written with raw SQL inside a transaction that is rolled back afterwards.
      const rollback = new Error('rollback the control rows');
      const seen = await control.db
        .transaction()
        .execute(async (trx) => {
          // An orphan line needs the foreign key out of the way, for this transaction only.
          if (dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
          else {
            const fk = await sql<{ conname: string }>`
              select conname from pg_constraint
              where conrelid = 'ledger_lines'::regclass and confrelid = 'ledger_transactions'::regclass and contype = 'f'`.execute(trx);
            for (const { conname } of fk.rows) await sql`alter table ledger_lines drop constraint ${sql.id(conname)}`.execute(trx);
          }
          const header = async (key: string): Promise<number> => {
            const row = await sql<{ id: number }>`
              insert into ledger_transactions (occurred_at, description, cause_type, cause_id, idempotency_key, created_at)
              values (${now.toISOString()}, 'torn', 'crash_test', null, ${key}, ${now.toISOString()})
              returning id`.execute(trx);
            return Number(row.rows[0]!.id);
          };
          const line = (txId: number, account: string, amount: number) =>
            sql`insert into ledger_lines (transaction_id, account, amount, event_id) values (${txId}, ${account}, ${amount}, null)`.execute(trx);

          const headerOnly = await header('torn:header-only'); // the header committed, its lines lost
          const lostLine = await header('torn:lost-line'); // 3 lines, one lost
          await line(lostLine, 'assets:bank', 300);
          await line(lostLine, 'income:tickets', -100);
          const singleLine = await header('torn:single-line');
          await line(singleLine, 'assets:bank', 70);
          await line(2_000_000_000, 'assets:bank', 50); // a line without its transaction

          const found = await checkLedger(trx);
          throw Object.assign(rollback, { found, ids: [headerOnly, lostLine, singleLine] });
        })
        .catch((error: unknown) => {
          if (error !== rollback) throw error;
          return error as Error & { found: LedgerCheck; ids: number[] };
        });

      expect(seen.found.badTransactionIds).toEqual(seen.ids);
      expect(seen.found.orphanLines).toBe(1);
      expect(seen.found.total).toBe(300n - 100n + 70n + 50n);
      expect(seen.found.problems.length).toBeGreaterThanOrEqual(5);
      // ledgerTotal alone sees the lost line and the single line (not the header without lines).
      expect(seen.found.ledgerTotal.total).toBe(320);
      expect(seen.found.ledgerTotal.unbalanced).toBeGreaterThanOrEqual(2);

      // Rolled back: the control database is whole again.
      const after = await checkLedger(control.db);
      expect(after.problems).toEqual([]);
      expect(after.transactions).toBe(300);

      if (dialect === 'sqlite') {
        // A damaged file: garbage over the root page of ledger_lines in a copy of the database.
        const rootpage = (
          await sql<{ rootpage: number }>`select rootpage from sqlite_master where type = 'table' and name = 'ledger_lines'`.execute(control.db)
        ).rows[0]!.rootpage;
        const pageSize = (await sql<{ page_size: number }>`pragma page_size`.execute(control.db)).rows[0]!.page_size;
        await control.destroy(); // closing the last connection checkpoints the WAL into the file
        destroyed = true;
        expect(sqliteIntegrity(file)).toBe('ok');
        const damaged = path.join(dir, 'damaged.sqlite');
        copyFileSync(file, damaged);
        expect(statSync(damaged).size).toBeGreaterThanOrEqual(rootpage * pageSize);
        const fd = openSync(damaged, 'r+');
        try {
          writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
        } finally {
          closeSync(fd);
        }
        expect(sqliteIntegrity(damaged)).not.toBe('ok');
        expect(sqliteIntegrity(file)).toBe('ok');
      }
    },
    TEST_TIMEOUT_MS,
  );
});
