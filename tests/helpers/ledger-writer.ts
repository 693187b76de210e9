/**
 * A process that posts ledger transactions in a loop until it is killed, for the crash test
 * (tests/ledger-crash.test.ts). Run as:
 *
 *   node --import tsx tests/helpers/ledger-writer.ts <sqlite|postgres> <sqlitePathOrPostgresUrl> <seed>
 *
 * The schema must already be migrated. Each iteration posts one random balanced draft of 2 to 6
 * lines through postTransaction, in its own database transaction, with the idempotency key
 * `<seed>:<i>`; transactions are posted one after another, so the committed keys are always
 * `<seed>:0` … `<seed>:<n-1>`.
 *
 * Protocol on stdout, one line per iteration: the number of transactions committed so far, written
 * once the next database transaction has begun (`0` first, then `1` once `<seed>:0` has committed,
 * …). A line `k` therefore means that `<seed>:0` … `<seed>:<k-1>` are committed and the
 * transaction for `<seed>:<k>` is open. Pipes are written synchronously on Linux, so every line
 * the parent reads was written before the kill. Any error is printed on stderr and ends the
 * process with code 1.
 */
import { createDatabase, type Dialect } from '../../src/db/database.ts';
import { postTransaction } from '../../src/modules/ledger/commands/post-transaction.ts';
import { credit, debit, type PostingLine, type TransactionDraft } from '../../src/modules/ledger/domain/posting.ts';

const WRITER_ACCOUNTS = [
  'assets:bank',
  'assets:payment_provider',
  'income:tickets',
  'income:donations',
  'expenses:event_logistics',
  'expenses:payment_fees',
  'funds:visuals',
  'funds:general',
] as const;

/** A small deterministic generator (mulberry32) seeded from a string, so a run can be replayed. */
function seededRandom(seed: string): () => number {
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

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Splits `total` (≥ parts) into `parts` positive integers. */
function split(random: () => number, total: number, parts: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < parts - 1) cuts.add(int(random, 1, total - 1));
  const sorted = [0, ...[...cuts].sort((x, y) => x - y), total];
  return sorted.slice(1).map((c, i) => c - sorted[i]!);
}

/** 2 to 6 lines on distinct accounts, some debits and some credits, summing to exactly 0 cents. */
function randomLines(random: () => number): PostingLine[] {
  const count = int(random, 2, 6);
  const debits = int(random, 1, count - 1);
  const total = int(random, 100, 5_000_000); // 1 € to 50 000 €, always ≥ count
  const accounts = [...WRITER_ACCOUNTS];
  for (let i = accounts.length - 1; i > 0; i--) {
    const j = int(random, 0, i);
    [accounts[i], accounts[j]] = [accounts[j]!, accounts[i]!];
  }
  const lines = [
    ...split(random, total, debits).map((amount, i) => debit(accounts[i]!, amount, null)),
    ...split(random, total, count - debits).map((amount, i) => credit(accounts[debits + i]!, amount, null)),
  ];
  return lines.map((line) => ({ ...line, eventId: null }));
}

async function main(): Promise<void> {
  const [dialectArg, target, seed] = process.argv.slice(2);
  if ((dialectArg !== 'sqlite' && dialectArg !== 'postgres') || !target || !seed) {
    throw new Error('usage: ledger-writer.ts <sqlite|postgres> <sqlitePathOrPostgresUrl> <seed>');
  }
  const dialect: Dialect = dialectArg;
  const database =
    dialect === 'postgres' ? createDatabase({ databaseUrl: target, sqlitePath: '', poolSize: 1 }) : createDatabase({ sqlitePath: target });
  const random = seededRandom(seed);
  for (let i = 0; ; i++) {
    const now = new Date();
    const draft: TransactionDraft = {
      date: now.toISOString(),
      description: `crash test ${seed} #${i}`,
      causeType: 'crash_test',
      causeId: i,
      idempotencyKey: `${seed}:${i}`,
      lines: randomLines(random),
    };
    const result = await database.db.transaction().execute((trx) => {
      // Inside the transaction: BEGIN has been sent, transactions 0 … i-1 have committed.
      process.stdout.write(`${i}\n`);
      return postTransaction({ db: trx, actor: null, now }, draft);
    });
    if (!result.created) throw new Error(`key ${draft.idempotencyKey} was already posted: seeds must be unique`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
