/**
 * The editors' desk at scale (issue 13, item 6): 10,000 accounts, 10,000 contributors, 2,000
 * pieces, 1,000 proposals, 1,000 held comments and 1,000 messages, on their own SQLite database
 * and app server. An admin's session asks every desk list (first page, a deep page, a filtered
 * one), the person-picker forms and the picker's JSON search, one request after the other
 * (`BENCH_DESK_REQUESTS` each, after one discarded): each page must weigh under 200 KB and be
 * answered within 100 ms (median and p99 of those requests reported; the check is on the p99).
 * No load test: these pages are for a handful of editors, what matters is one editor's wait.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { createDatabase } from '../../src/db/database.ts';
import type { CommentersTable, CommentsTable, MessagesTable, ProposalsTable, UsersTable } from '../../src/db/schema.ts';
import { openSession } from '../../src/modules/accounts/commands/sessions.ts';
import { UNMATCHABLE_HASH } from '../../src/modules/accounts/password.ts';
import { SESSION_COOKIE } from '../../src/shared/http/cookies.ts';
import { timingStats, type TimingStats } from '../measure.ts';
import { startAppServer } from '../processes.ts';
import { prng, seedSqlite } from '../seed-database.ts';
import type { Check, Scenario, ScenarioResult } from './types.ts';

const ACCOUNTS = 10_000;
const CONTRIBUTORS = 10_000;
const MAX_BYTES = 200 * 1024;
const MAX_MS = 100;

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Adds the desk's crowd to a seeded programme; returns the admin's session cookie and a piece to edit. */
async function seedDesk(dataDir: string, now: Date): Promise<{ cookie: string; pieceId: number }> {
  const database = createDatabase({ sqlitePath: path.join(dataDir, 'open-experience.sqlite') });
  try {
    const { db } = database;
    const random = prng(4242);
    const iso = now.toISOString();
    const contributorIds = (await db.selectFrom('contributors').select('id').execute()).map((c) => c.id);
    const users: Insertable<UsersTable>[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      users.push({
        email: `person${i}@example.org`,
        password_hash: UNMATCHABLE_HASH,
        display_name: `Person ${i} ${['Lovelace', 'Hopper', 'Curie', 'Noether', 'Franklin'][i % 5]}`,
        role: i === 0 ? 'admin' : i < 20 ? 'editor' : i < 4000 ? 'contributor' : 'member',
        email_confirmed_at: random() < 0.9 ? iso : null,
        contributor_id: i < contributorIds.length && i % 2 === 0 ? contributorIds[i]! : null,
        locale: 'fr',
        created_at: new Date(now.getTime() - (ACCOUNTS - i) * 60_000).toISOString(),
      });
    }
    const proposals: Insertable<ProposalsTable>[] = Array.from({ length: 1000 }, (_, i) => ({
      name: `Proposer ${i}`,
      email: `proposer${i}@example.org`,
      title: `A proposed piece about open business models, number ${i}`,
      pitch: 'Why open projects need a business model, and which ones work. '.repeat(3),
      draft_md: '',
      language: 'fr',
      status: (['new', 'accepted', 'declined'] as const)[i % 3]!,
      piece_id: null,
      created_at: new Date(now.getTime() - i * 3_600_000).toISOString(),
      email_confirmed_at: iso,
      contributor_id: null,
    }));
    const messages: Insertable<MessagesTable>[] = Array.from({ length: 1000 }, (_, i) => ({
      name: `Reader ${i}`,
      email: `reader${i}@example.org`,
      subject: `A question about the programme (${i})`,
      body: 'Hello, I would like to know more about the evenings. '.repeat(4),
      created_at: new Date(now.getTime() - i * 600_000).toISOString(),
      read_at: i % 2 ? iso : null,
    }));
    const pieceIds = (await db.selectFrom('pieces').select('id').where('status', '=', 'published').limit(50).execute()).map((p) => p.id);
    await db.transaction().execute(async (trx) => {
      for (const chunk of chunks(users, 500)) await trx.insertInto('users').values(chunk).execute();
      for (const chunk of chunks(proposals, 250)) await trx.insertInto('proposals').values(chunk).execute();
      for (const chunk of chunks(messages, 250)) await trx.insertInto('messages').values(chunk).execute();
      const commenter: Insertable<CommentersTable> = { email: 'commenter@example.org', trusted_at: null, created_at: iso };
      const { id: commenterId } = await trx.insertInto('commenters').values(commenter).returning('id').executeTakeFirstOrThrow();
      const comments: Insertable<CommentsTable>[] = Array.from({ length: 1000 }, (_, i) => ({
        piece_id: pieceIds[i % pieceIds.length]!,
        parent_id: null,
        commenter_id: commenterId,
        author_name: `Commenter ${i}`,
        author_website: null,
        body_md: 'A thoughtful comment with a link or three. '.repeat(3),
        body_html: `<p>${'A thoughtful comment with a link or three. '.repeat(3)}</p>`,
        status: 'held',
        held_reason: 'links',
        published_at: null,
        moderated_by: null,
        created_at: new Date(now.getTime() - i * 60_000).toISOString(),
        updated_at: iso,
      }));
      for (const chunk of chunks(comments, 250)) await trx.insertInto('comments').values(chunk).execute();
    });
    const admin = await db.selectFrom('users').select('id').where('email', '=', 'person0@example.org').executeTakeFirstOrThrow();
    const cookie = await openSession({ db, actor: null, now }, { userId: admin.id });
    const piece = await db.selectFrom('pieces').select('id').orderBy('id').executeTakeFirstOrThrow();
    return { cookie, pieceId: piece.id };
  } finally {
    await database.close();
  }
}

async function timed(url: string, cookie: string): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie: `${SESSION_COOKIE}=${cookie}`, 'accept-encoding': 'identity' }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes: body.length, ms: performance.now() - started };
}

export const deskPagesScenario: Scenario = {
  name: 'desk-pages',
  needs: {},
  async run(ctx): Promise<ScenarioResult> {
    const dataDir = path.join(ctx.dataDir, 'desk');
    mkdirSync(dataDir, { recursive: true });
    const now = new Date();
    ctx.log(`desk-pages: seeding ${CONTRIBUTORS} contributors, 2,000 pieces, ${ACCOUNTS} accounts`);
    const started = performance.now();
    await seedSqlite(dataDir, { pieces: 2000, contributors: CONTRIBUTORS, now });
    const { cookie, pieceId } = await seedDesk(dataDir, now);
    ctx.log(`desk-pages: seeded in ${Math.round((performance.now() - started) / 100) / 10} s`);
    const requests = Math.max(2, Number(process.env.BENCH_DESK_REQUESTS ?? 20) || 20);
    const paths = [
      '/editor',
      '/editor/users',
      '/editor/users?page=150',
      '/editor/users?q=hopper',
      '/editor/users?who=curie',
      '/editor/contributors',
      '/editor/contributors?page=150',
      '/editor/contributors?q=lab',
      '/editor/contributors/search.json?q=an',
      '/editor/pieces',
      '/editor/pieces?status=published&page=20',
      '/editor/pieces?q=open',
      '/editor/proposals',
      '/editor/proposals?status=declined&page=5',
      '/editor/conversation',
      '/editor/conversation?page=15',
      '/editor/inbox',
      '/editor/events',
      '/editor/events/new',
      '/editor/map',
      '/editor/books',
      '/editor/ledger/books',
      '/editor/ledger/books?who=lab',
      '/editor/themes',
      '/studio/pieces/new',
      `/studio/pieces/${pieceId}`,
    ];
    const app = await startAppServer({ name: 'app (desk)', dataDir, extraEnv: { RATE_LIMIT_MULTIPLIER: '100000' } });
    const runs: ScenarioResult['runs'] = {};
    const checks: Check[] = [];
    const notes: string[] = [];
    const table: { path: string; kb: number; stats: TimingStats }[] = [];
    try {
      for (const p of paths) {
        const first = await timed(`${app.baseUrl}${p}`, cookie);
        if (first.status !== 200) {
          notes.push(`${p} answered ${first.status}`);
          checks.push({ name: `${p} answers 200`, target: '200', value: first.status, pass: false });
          continue;
        }
        const samples: number[] = [];
        for (let i = 0; i < requests; i++) samples.push((await timed(`${app.baseUrl}${p}`, cookie)).ms);
        const stats = timingStats(samples);
        runs[p] = { target: p, bodyBytes: first.bytes, timing: stats };
        table.push({ path: p, kb: Math.round(first.bytes / 102.4) / 10, stats });
        checks.push({ name: `${p} size (KB)`, target: `< ${MAX_BYTES / 1024}`, value: Math.round(first.bytes / 102.4) / 10, pass: first.bytes < MAX_BYTES });
        checks.push({ name: `${p} p99 (ms)`, target: `< ${MAX_MS}`, value: stats.p99, pass: stats.p99 < MAX_MS });
        ctx.log(`desk-pages: ${p} ${(first.bytes / 1024).toFixed(1)} KB, median ${stats.median} ms, p99 ${stats.p99} ms`);
      }
    } finally {
      await app.stop();
    }
    return {
      description: `Every desk page with ${ACCOUNTS} accounts and ${CONTRIBUTORS} contributors, an admin's requests one after the other: under 200 KB and answered within 100 ms`,
      runs,
      checks,
      notes,
      details: { pages: table },
    };
  },
};
