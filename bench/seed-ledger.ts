/**
 * A large ledger for the transparency page: by default exactly 1,000,000 postings (ledger_lines)
 * over three years of a programme of 60 published events, written straight into SQLite with
 * better-sqlite3 (multi-row prepared inserts in one transaction: seconds, not minutes).
 *
 * Every transaction has the shape the real commands post, and the domain rules build the ones
 * that have rules: online ticket orders (payment provider, fees, income:tickets) and door
 * takings (cause ticket_income), paid expenses (expense_payment) for event logistics and from the
 * visuals and book-editing funds, book sales shared as royalties between ~10 contributors per
 * book by `bookSale` (book_sale), quarterly royalty payouts of what each contributor is owed by
 * `royaltyPayout` (royalty_payout), and closings of the events older than 45 days by
 * `closeEvent` (event_closure), each with its row in events, expenses, books, book_contributors,
 * book_sales, royalty_payouts or event_closures. Every transaction passes validateLines, so the
 * ledger balances; the total is checked once written. Deterministic (seeded PRNG).
 *
 * The count is made exact by filling what is left with ticket orders for the events still open
 * (not closed yet), which changes no closing.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { bookSale, closeEvent, royaltyPayout } from '../src/modules/ledger/domain/allocation.ts';
import type { ExpenseCategory } from '../src/modules/ledger/domain/expense-categories.ts';
import { credit, debit, validateLines, type PostingLine } from '../src/modules/ledger/domain/posting.ts';
import { prng } from './seed-database.ts';

export interface LedgerSeedOptions {
  /** Exact number of ledger_lines to write. */
  postings: number;
  events: number;
  now: Date;
  seed?: number;
}

export interface LedgerSeedSummary {
  postings: number;
  transactions: number;
  byCause: Record<string, { transactions: number; lines: number }>;
  events: number;
  closedEvents: number;
  books: number;
  bookSales: number;
  royaltyPayouts: number;
  expenses: number;
  /** Distinct liabilities:royalties:<id> accounts. */
  royaltyAccounts: number;
  /** Distinct account codes. */
  accounts: number;
  /** The database file (and its WAL) once written, MB. */
  databaseMb: number;
  /** Building the transactions in memory, then writing them. */
  generateSeconds: number;
  insertSeconds: number;
  /** Milliseconds per step of the writing: rows, index builds, commit, checks. */
  insertPhasesMs: Record<string, number>;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const VISUALS_BASIS_POINTS = 5000;
const TOPICS = [
  'données ouvertes', 'matériel libre', 'logiciel libre', 'science ouverte', 'culture libre', 'communs numériques',
  'cartographie ouverte', 'semences libres', 'archives publiques', 'réseaux communautaires', 'manuels ouverts', 'fablabs',
];
const LOGISTICS = [
  ['Location de la salle', 'Le Hangar associatif'],
  ['Captation vidéo', 'Coop Image'],
  ['Buffet', 'Traiteur solidaire'],
  ['Sonorisation', 'Son libre SCOP'],
  ['Impression des programmes', 'Imprimerie du canal'],
  ['Déplacements des intervenants', 'SNCF'],
] as const;

interface Tx {
  at: number;
  cause: string;
  causeId: string | null;
  description: string;
  key: string;
  lines: PostingLine[];
  /** Rows of other tables that point at this transaction, written once its id is known. */
  link?: (transactionId: number) => void;
}

/** Multi-row INSERTs of `batch` rows, plus a one-row statement for the tail. */
class BulkInserter {
  private readonly many: SQLite.Statement;
  private readonly one: SQLite.Statement;
  private buffer: unknown[] = [];

  constructor(
    db: SQLite.Database,
    table: string,
    private readonly columns: readonly string[],
    private readonly batch: number,
  ) {
    const row = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
    this.many = db.prepare(head + Array.from({ length: batch }, () => row).join(','));
    this.one = db.prepare(head + row);
  }

  add(values: unknown[]): void {
    if (values.length !== this.columns.length) throw new Error(`expected ${this.columns.length} values, got ${values.length}`);
    for (const v of values) this.buffer.push(v);
    if (this.buffer.length === this.columns.length * this.batch) {
      this.many.run(this.buffer);
      this.buffer = [];
    }
  }

  flush(): void {
    const n = this.columns.length;
    for (let i = 0; i < this.buffer.length; i += n) this.one.run(this.buffer.slice(i, i + n));
    this.buffer = [];
  }
}

/** Adds the ledger to the database in `dataDir` (already migrated and seeded with contributors). */
export function seedLedgerSqlite(dataDir: string, options: LedgerSeedOptions): LedgerSeedSummary {
  const file = path.join(dataDir, 'open-experience.sqlite');
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    // Lines are written in batches before their transactions' batch: checked once at the end instead.
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    const summary = seedLedger(db, options);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    summary.databaseMb = Math.round(((size(file) + size(`${file}-wal`)) / 1024 / 1024) * 10) / 10;
    return summary;
  } finally {
    db.close();
  }
}

export function seedLedger(db: SQLite.Database, options: LedgerSeedOptions): LedgerSeedSummary {
  const started = performance.now();
  const random = prng(options.seed ?? 20250101);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const P = options.postings;
  const nowMs = options.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  if (!Number.isSafeInteger(P) || P < 20_000) throw new Error(`ledger postings must be an integer >= 20000 (got ${P})`);
  if (options.events < 2) throw new Error('at least 2 events');
  if ((db.prepare('SELECT count(*) AS n FROM ledger_lines').get() as { n: number }).n > 0) throw new Error('the ledger is not empty');

  const contributorIds = (db.prepare('SELECT id FROM contributors ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  if (contributorIds.length < 2) throw new Error('seed contributors first');
  const maxId = (table: string) => (db.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m;

  // Three years, ~90 % of the events in the past; events older than 45 days are closed.
  const t0 = nowMs - 1095 * DAY;
  const spacing = (1095 * DAY) / Math.round(options.events * 0.9);
  const firstEventId = maxId('events') + 1;
  const events = Array.from({ length: options.events }, (_, k) => {
    const start = new Date(t0 + (k + 0.5) * spacing);
    start.setUTCHours(18, 30, 0, 0);
    const startMs = start.getTime();
    const salesFrom = Math.max(startMs - 60 * DAY, t0);
    const salesTo = Math.min(startMs - HOUR, nowMs - 60_000);
    return {
      id: firstEventId + k,
      k,
      start: startMs,
      title: `Soirée ${TOPICS[k % TOPICS.length]} n° ${k + 1}`,
      price: pick([1200, 1500, 1800, 2000, 2500]),
      popularity: 0.7 + random() * 0.6,
      /** Logistics as a share of the expected income: a few events run at a loss. */
      costRatio: k % 9 === 4 ? 1.15 + random() * 0.2 : 0.45 + random() * 0.35,
      salesFrom,
      salesTo,
      closed: startMs + 45 * DAY < nowMs,
      past: startMs < nowMs,
      income: 0,
      logistics: 0,
    };
  });
  const txs: Tx[] = [];
  const eventRows: unknown[][] = events.map((e) => [
    e.id, `bench-soiree-${e.k + 1}`, e.title, `Une soirée d’échanges sur les ${TOPICS[e.k % TOPICS.length]}.`,
    `<p>Une soirée d’échanges sur les ${TOPICS[e.k % TOPICS.length]}.</p>`, 'Le Hangar associatif', '12 rue des Communs, 75011 Paris',
    iso(e.start), iso(e.start + 3 * HOUR), 10_000, 'published', iso(e.start - 90 * DAY), iso(e.start - 90 * DAY),
  ]);

  // Two team members: one submits expenses, the other decides and posts.
  const userBase = maxId('users');
  const editorId = userBase + 1;
  const treasurerId = userBase + 2;
  const userRows: unknown[][] = [
    [editorId, 'bench-editor@example.org', 'x', 'Bench editor', 'editor', iso(t0), 'fr', iso(t0)],
    [treasurerId, 'bench-treasurer@example.org', 'x', 'Bench treasurer', 'admin', iso(t0), 'fr', iso(t0)],
  ];

  // Books: ~10 contributors each, every contributor in one book at least; half split by weights.
  const perBook = Math.min(10, contributorIds.length);
  const bookCount = Math.max(1, Math.ceil(contributorIds.length / perBook));
  const firstBookId = maxId('books') + 1;
  const books = Array.from({ length: bookCount }, (_, b) => {
    const people = Array.from({ length: perBook }, (_, j) => contributorIds[(b * perBook + j) % contributorIds.length]!);
    const splitMethod = b % 2 === 0 ? ('weights' as const) : ('equal' as const);
    return {
      id: firstBookId + b,
      title: `Cahier n° ${b + 1} — ${TOPICS[b % TOPICS.length]}`,
      unitPrice: 1500 + (b % 5) * 500,
      manufacturing: 450 + (b % 4) * 100,
      splitMethod,
      createdAt: t0 + Math.floor((b * 900 * DAY) / bookCount),
      contributors: [...new Set(people)].map((contributorId) => ({ contributorId, weight: splitMethod === 'weights' ? int(1, 5) : 1 })),
    };
  });
  const bookRows: unknown[][] = books.map((b) => [b.id, `bench-cahier-${b.id}`, b.title, b.unitPrice, b.manufacturing, b.splitMethod, iso(b.createdAt)]);
  const bookContributorRows: unknown[][] = books.flatMap((b) => b.contributors.map((c) => [b.id, c.contributorId, c.weight]));

  // Linked rows, completed with the transaction id when the transactions are written.
  const bookSaleRows: unknown[][] = [];
  const payoutRows: unknown[][] = [];
  const expenseRows: unknown[][] = [];
  const closureRows: unknown[][] = [];
  let expenseId = maxId('expenses');

  // Book sales, then quarterly payouts of what each contributor is owed at that date.
  const salesCount = Math.round(P * 0.006);
  const sales = Array.from({ length: salesCount }, (_, i) => {
    const book = books[i % books.length]!;
    const r = random();
    const quantity = r < 0.6 ? 1 : r < 0.9 ? int(2, 5) : int(10, 40);
    return { book, quantity, at: book.createdAt + Math.floor(random() * (nowMs - book.createdAt - HOUR)) };
  }).sort((a, b) => a.at - b.at);
  const owed = new Map<number, number>();
  let nextPayout = t0 + 91.25 * DAY;
  let payoutKey = 0;
  const payAll = (quarter: number) => {
    let at = quarter;
    for (const [contributorId, amount] of owed) {
      if (amount < 1000) continue;
      const lines = royaltyPayout({ contributorId, amount, owed: amount });
      owed.set(contributorId, 0);
      const key = ++payoutKey;
      at += 1000;
      const paidAt = at;
      txs.push({
        at: paidAt,
        cause: 'royalty_payout',
        causeId: String(contributorId),
        description: `Versement de droits au contributeur n° ${contributorId}`,
        key: `payout:bench-${key}`,
        lines,
        link: (tx) => payoutRows.push([contributorId, amount, iso(paidAt), tx, `bench-${key}`, treasurerId, iso(paidAt)]),
      });
    }
  };
  sales.forEach((s, i) => {
    while (s.at >= nextPayout) {
      payAll(nextPayout);
      nextPayout += 91.25 * DAY;
    }
    const fees = Math.round(s.quantity * s.book.unitPrice * 0.025) + 25;
    const sale = bookSale({ quantity: s.quantity, unitPrice: s.book.unitPrice, manufacturingCostPerCopy: s.book.manufacturing, fees, contributors: s.book.contributors });
    for (const share of sale.shares) owed.set(share.contributorId, (owed.get(share.contributorId) ?? 0) + share.amount);
    txs.push({
      at: s.at,
      cause: 'book_sale',
      causeId: String(s.book.id),
      description: `Vente de ${s.quantity} exemplaire(s) papier — ${s.book.title}`,
      key: `book_sale:bench-${i + 1}`,
      lines: sale.lines,
      link: (tx) =>
        bookSaleRows.push([s.book.id, s.quantity, s.book.unitPrice, s.book.manufacturing, fees, sale.net, iso(s.at), tx, `bench-${i + 1}`, treasurerId, iso(s.at)]),
    });
  });
  while (nextPayout < nowMs) {
    payAll(nextPayout);
    nextPayout += 91.25 * DAY;
  }

  // Expenses paid: event logistics for past events, and spending from the visuals and book-editing funds.
  const paidExpense = (at: number, category: ExpenseCategory, eventId: number | null, amount: number, description: string, payee: string) => {
    const id = ++expenseId;
    txs.push({
      at,
      cause: 'expense_payment',
      causeId: String(id),
      description,
      key: `expense:${id}:paid`,
      lines: [debit(category, amount, eventId), credit('assets:bank', amount, eventId)],
      link: (tx) =>
        expenseRows.push([id, amount, category, eventId, payee, description, 'paid', editorId, treasurerId, tx, `bench-expense-${id}`, iso(at - 3 * DAY), iso(at)]),
    });
    return amount;
  };
  const expenseCount = Math.round(P * 0.02);
  const pastEvents = events.filter((e) => e.past);
  const logisticsCount = Math.round(expenseCount * 0.9);
  // Expected income per event, to size its logistics (the real income is only known later).
  const ticketLinesEstimate = P - salesCount * (6 + perBook) - expenseCount * 2 - Math.min(salesCount * perBook, 12 * contributorIds.length) * 2;
  const ordersEstimate = Math.max(ticketLinesEstimate / 3, events.length);
  const totalWindow = events.reduce((s, e) => s + Math.max(e.salesTo - e.salesFrom, 0) * e.popularity, 0);
  const expectedOrders = (e: (typeof events)[number]) => (ordersEstimate * Math.max(e.salesTo - e.salesFrom, 0) * e.popularity) / totalWindow;
  pastEvents.forEach((e, idx) => {
    const count = Math.floor(logisticsCount / pastEvents.length) + (idx < logisticsCount % pastEvents.length ? 1 : 0);
    const budget = expectedOrders(e) * 1.7 * e.price * e.costRatio;
    for (let j = 0; j < count; j++) {
      const [what, payee] = pick(LOGISTICS);
      const amount = Math.max(100, Math.round((budget / count) * (0.5 + random())));
      const at = Math.min(e.start + Math.floor((random() * 50 - 30) * DAY), nowMs - HOUR);
      e.logistics += paidExpense(at, 'expenses:event_logistics', e.id, amount, `${what} — ${e.title}`, payee);
    }
  });
  for (let j = 0; j < expenseCount - logisticsCount; j++) {
    const visuals = j % 5 < 3;
    const at = t0 + 200 * DAY + Math.floor(random() * (nowMs - t0 - 201 * DAY));
    paidExpense(
      at,
      visuals ? 'expenses:visuals' : 'expenses:book_editing',
      null,
      int(2000, 40_000),
      visuals ? `Illustrations et visuels n° ${j + 1}` : `Relecture et mise en page n° ${j + 1}`,
      visuals ? 'Atelier graphique libre' : 'Éditions du commun',
    );
  }
  // Approved, not yet paid: committed money, no posting.
  for (let j = 0; j < 10; j++) {
    const id = ++expenseId;
    const category = j < 4 ? 'expenses:visuals' : j < 7 ? 'expenses:book_editing' : 'expenses:event_logistics';
    const event = category === 'expenses:event_logistics' ? events.find((e) => !e.closed) : undefined;
    expenseRows.push([id, int(5000, 30_000), category, event?.id ?? null, 'Prestataire', `Engagement n° ${j + 1}`, 'approved', editorId, treasurerId, null, `bench-expense-${id}`, iso(nowMs - 5 * DAY), iso(nowMs - 4 * DAY)]);
  }

  // Ticket income: online orders (provider, fees, income) through the sales window, and the door takings.
  let orderNo = 0;
  const order = (e: (typeof events)[number]) => {
    const r = random();
    const quantity = r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4;
    const gross = quantity * e.price;
    const fee = Math.round(gross * 0.014) + 25;
    const n = ++orderNo;
    e.income += gross;
    txs.push({
      at: e.salesFrom + Math.floor(random() * (e.salesTo - e.salesFrom)),
      cause: 'ticket_income',
      causeId: `order-${n}`,
      description: `Billetterie en ligne — commande n° ${n} (${quantity} place${quantity > 1 ? 's' : ''})`,
      key: `ticket_order:${n}`,
      lines: [debit('assets:payment_provider', gross - fee, e.id), debit('expenses:payment_fees', fee, e.id), credit('income:tickets', gross, e.id)],
    });
  };
  const transfer = (e: (typeof events)[number], at: number, description: string, key: string) => {
    const amount = e.price * int(5, 40);
    e.income += amount;
    txs.push({ at, cause: 'ticket_income', causeId: String(e.id), description, key, lines: [debit('assets:bank', amount, e.id), credit('income:tickets', amount, e.id)] });
  };
  for (const e of events.filter((x) => x.closed)) {
    const n = Math.round(expectedOrders(e));
    for (let j = 0; j < n; j++) order(e);
    transfer(e, e.start + 4 * HOUR, `Billetterie à l’entrée — ${e.title}`, `income:door:${e.id}`);
  }

  // Closings: income and logistics of the event zeroed, a surplus split between the funds, a deficit covered.
  for (const e of events.filter((x) => x.closed)) {
    const closing = closeEvent({ eventId: e.id, income: e.income, logistics: e.logistics, split: { visualsBasisPoints: VISUALS_BASIS_POINTS }, coverDeficitFrom: 'funds:general' });
    const at = e.start + 45 * DAY;
    const row = (tx: number | null) =>
      closureRows.push([e.id, e.income, e.logistics, closing.toVisuals, closing.toBookEditing, closing.deficit, VISUALS_BASIS_POINTS, tx, treasurerId, iso(at)]);
    if (closing.lines.length === 0) row(null);
    else txs.push({ at, cause: 'event_closure', causeId: String(e.id), description: `Clôture des comptes de la soirée n° ${e.id}`, key: `event:${e.id}:close`, lines: closing.lines, link: row });
  }

  // The rest, exactly: orders (3 lines) and group bookings by transfer (2 lines) for the open events.
  const open = events.filter((e) => !e.closed && e.salesTo > e.salesFrom);
  let remaining = P - txs.reduce((s, t) => s + t.lines.length, 0);
  if (open.length === 0 || remaining < 3 * open.length + 4) {
    throw new Error(`cannot reach exactly ${P} postings (${remaining} left for ${open.length} open events): raise the count`);
  }
  const twoLiners = remaining % 3 === 0 ? 0 : remaining % 3 === 2 ? 1 : 2;
  remaining -= 2 * twoLiners;
  const openWeight = open.reduce((s, e) => s + (e.salesTo - e.salesFrom) * e.popularity, 0);
  let ordersLeft = remaining / 3;
  open.forEach((e, idx) => {
    const n = idx === open.length - 1 ? ordersLeft : Math.floor(((remaining / 3) * (e.salesTo - e.salesFrom) * e.popularity) / openWeight);
    for (let j = 0; j < n; j++) order(e);
    ordersLeft -= n;
  });
  for (let j = 0; j < twoLiners; j++) {
    const e = open[j % open.length]!;
    transfer(e, e.salesFrom + Math.floor(random() * (e.salesTo - e.salesFrom)), `Virement — réservation de groupe n° ${j + 1} — ${e.title}`, `income:group:${e.id}:${j + 1}`);
  }

  for (const tx of txs) validateLines(tx.lines);
  txs.sort((a, b) => a.at - b.at);
  const generateSeconds = (performance.now() - started) / 1000;

  // Writing: one transaction, multi-row statements, ids assigned here in date order.
  const insertStarted = performance.now();
  const byCause: LedgerSeedSummary['byCause'] = {};
  const accounts = new Set<string>();
  let postings = 0;
  // Secondary indexes are rebuilt once at the end (a sort) rather than updated row by row; their
  // definitions are read back from the schema, so they stay exactly the migration's.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('ledger_transactions', 'ledger_lines')")
    .all() as { name: string; sql: string }[];
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round(t - mark);
    mark = t;
  };
  db.transaction(() => {
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
    const write = (table: string, columns: string[], rows: unknown[][], batch = 100) => {
      const inserter = new BulkInserter(db, table, columns, batch);
      for (const row of rows) inserter.add(row);
      inserter.flush();
    };
    write('users', ['id', 'email', 'password_hash', 'display_name', 'role', 'email_confirmed_at', 'locale', 'created_at'], userRows);
    write('events', ['id', 'slug', 'title', 'description_md', 'description_html', 'venue', 'address', 'starts_at', 'ends_at', 'capacity', 'status', 'created_at', 'updated_at'], eventRows);
    write('books', ['id', 'slug', 'title', 'unit_price', 'manufacturing_cost', 'split_method', 'created_at'], bookRows);
    write('book_contributors', ['book_id', 'contributor_id', 'weight'], bookContributorRows);

    const transactions = new BulkInserter(db, 'ledger_transactions', ['id', 'occurred_at', 'description', 'cause_type', 'cause_id', 'idempotency_key', 'created_by', 'created_at'], 100);
    const lines = new BulkInserter(db, 'ledger_lines', ['id', 'transaction_id', 'account', 'amount', 'event_id'], 200);
    let txId = maxId('ledger_transactions');
    let lineId = maxId('ledger_lines');
    for (const tx of txs) {
      const at = iso(tx.at);
      transactions.add([++txId, at, tx.description, tx.cause, tx.causeId, tx.key, treasurerId, at]);
      for (const line of tx.lines) {
        lines.add([++lineId, txId, line.account, line.amount, line.eventId ?? null]);
        accounts.add(line.account);
      }
      const c = (byCause[tx.cause] ??= { transactions: 0, lines: 0 });
      c.transactions += 1;
      c.lines += tx.lines.length;
      postings += tx.lines.length;
      tx.link?.(txId);
    }
    transactions.flush();
    lines.flush();
    const timestamps = ['created_at', 'updated_at'];
    write('expenses', ['id', 'amount', 'category', 'event_id', 'payee', 'description', 'status', 'submitted_by', 'decided_by', 'transaction_id', 'idempotency_key', ...timestamps], expenseRows);
    write('book_sales', ['book_id', 'quantity', 'unit_price', 'manufacturing_cost', 'fees', 'net', 'sold_at', 'transaction_id', 'idempotency_key', 'created_by', 'created_at'], bookSaleRows);
    write('royalty_payouts', ['contributor_id', 'amount', 'paid_at', 'transaction_id', 'idempotency_key', 'created_by', 'created_at'], payoutRows);
    write('event_closures', ['event_id', 'income', 'logistics', 'to_visuals', 'to_book_editing', 'deficit', 'visuals_basis_points', 'transaction_id', 'closed_by', 'closed_at'], closureRows);
    phase('rows');
    for (const index of indexes) db.exec(index.sql);
    phase('indexes');
  })();
  phase('commit');

  const broken = db.prepare('PRAGMA foreign_key_check').all();
  if (broken.length) throw new Error(`ledger seed broke ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
  phase('foreign keys');
  const check = db.prepare('SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM ledger_lines').get() as { n: number; total: number };
  phase('totals');
  if (check.n !== P || postings !== P) throw new Error(`ledger seed wrote ${check.n} postings, expected ${P}`);
  if (check.total !== 0) throw new Error(`ledger seed does not balance: lines sum to ${check.total}`);
  // The app reads balances from its running totals (kept by postTransaction); the bulk insert
  // bypassed it, so rebuild them the way the CLI's rebuild-balances does, in SQL.
  db.exec('DELETE FROM ledger_balances');
  db.exec(`INSERT INTO ledger_balances (account, event_id, closing, debits, credits, lines)
    SELECT l.account, coalesce(l.event_id, 0), CASE WHEN t.cause_type = 'event_closure' THEN 1 ELSE 0 END,
           sum(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END), sum(CASE WHEN l.amount < 0 THEN -l.amount ELSE 0 END), count(*)
    FROM ledger_lines l JOIN ledger_transactions t ON t.id = l.transaction_id
    GROUP BY l.account, coalesce(l.event_id, 0), CASE WHEN t.cause_type = 'event_closure' THEN 1 ELSE 0 END`);
  phase('running totals');
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    postings: check.n,
    transactions: txs.length,
    byCause,
    events: events.length,
    closedEvents: closureRows.length,
    books: books.length,
    bookSales: bookSaleRows.length,
    royaltyPayouts: payoutRows.length,
    expenses: expenseRows.length,
    royaltyAccounts: [...accounts].filter((a) => a.startsWith('liabilities:royalties:')).length,
    accounts: accounts.size,
    databaseMb: 0,
    generateSeconds: round(generateSeconds),
    insertSeconds: round(insertSeconds),
    insertPhasesMs: phases,
  };
}
