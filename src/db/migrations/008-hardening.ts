import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { renderMarkdown } from '../../shared/markdown.ts';
import { columns } from './columns.ts';

/** The texts written in Markdown and the HTML stored beside them. */
const TEXTS = [
  { table: 'pieces', key: 'id', md: 'body_md', html: 'body_html' },
  { table: 'events', key: 'id', md: 'description_md', html: 'description_html' },
  { table: 'pages', key: 'slug', md: 'body_md_fr', html: 'body_html_fr' },
  { table: 'pages', key: 'slug', md: 'body_md_en', html: 'body_html_en' },
  { table: 'map_organisations', key: 'id', md: 'description_md', html: 'description_html' },
] as const;

/**
 * Issue 12 (docs/decisions/005-security.md):
 * - a proposal's address counts as its author's only once they confirm it (a link in the
 *   receipt), and the profile a not-yet-confirmed proposal was credited to is remembered, so
 *   confirming later can move the credit to the profile that address already has;
 * - stored files are served under an unguessable key instead of their sequential id;
 * - which files a piece shows (its cover, the images of its text), so a file is public only while
 *   something public shows it;
 * - a payment notification whose amount or currency is not the order's is kept apart, for the
 *   organisers, and never confirms the order;
 * - the stored HTML of every text is rendered again with this release's renderer (no inline
 *   style, no image from another site), its links to stored files moved to their keys.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);

  await db.schema.alterTable('proposals').addColumn('email_confirmed_at', c.timestamp).execute();
  await db.schema.alterTable('proposals').addColumn('contributor_id', 'integer', (col) => col.references('contributors.id').onDelete('set null')).execute();

  await db.schema.alterTable('media').addColumn('key', 'text', (col) => col.notNull().defaultTo('')).execute();
  const rows = await db.selectFrom('media').select('id').execute();
  for (const row of rows as { id: number }[]) {
    await db.updateTable('media').set({ key: randomBytes(16).toString('base64url') }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('media_key_idx').on('media').column('key').unique().execute();

  await db.schema
    .createTable('piece_media')
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('media_id', 'integer', (col) => col.notNull().references('media.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('piece_media_pk', ['piece_id', 'media_id'])
    .execute();
  await db.schema.createIndex('piece_media_media_idx').on('piece_media').column('media_id').execute();
  await db.schema
    .createTable('payment_anomalies')
    .addColumn('id', 'integer', c.id)
    // What was being paid: a ticket order ('order') or a paper book order ('book_order').
    .addColumn('subject_type', 'text', (col) => col.notNull().check(sql`subject_type in ('order','book_order')`))
    .addColumn('subject_id', 'integer', (col) => col.notNull())
    .addColumn('provider', 'text', (col) => col.notNull())
    // The notification's id: a replayed one is recorded once.
    .addColumn('provider_event_id', 'text', (col) => col.notNull().unique())
    .addColumn('amount', 'integer', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('expected_amount', 'integer', (col) => col.notNull())
    .addColumn('expected_currency', 'text', (col) => col.notNull())
    .addColumn('provider_payment_ref', 'text')
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('payment_anomalies_subject_idx').on('payment_anomalies').columns(['subject_type', 'subject_id']).execute();

  // What pieces already show: their covers…
  await sql`insert into piece_media (piece_id, media_id) select id, cover_media_id from pieces where cover_media_id is not null`.execute(db);

  // …and the stored files their texts name, once /media/<id> and now /media/<key>.
  const keys = new Map((await db.selectFrom('media').select(['id', 'key']).where('private', '=', 0).execute()).map((r: { id: number; key: string }) => [r.id, r.key]));
  const rekey = (text: string) => text.replace(/\/media\/(\d+)(?![\w-])/g, (whole, id: string) => (keys.has(Number(id)) ? `/media/${keys.get(Number(id))}` : whole));
  for (const { table, key, md, html } of TEXTS) {
    const rows = (await db.selectFrom(table).select([key, md, html]).execute()) as Record<string, unknown>[];
    for (const row of rows) {
      const source = String(row[md] ?? '');
      const text = rekey(source);
      const rendered = renderMarkdown(text);
      if (text !== source || rendered !== row[html]) await db.updateTable(table).set({ [md]: text, [html]: rendered }).where(key, '=', row[key]).execute();
      if (table === 'pieces') {
        for (const m of text.matchAll(/\/media\/([A-Za-z0-9_-]{22})(?![\w-])/g)) {
          const mediaId = [...keys].find(([, key]) => key === m[1])?.[0];
          if (mediaId !== undefined) {
            await sql`insert into piece_media (piece_id, media_id) select ${row[key]}, ${mediaId} where not exists (select 1 from piece_media where piece_id = ${row[key]} and media_id = ${mediaId})`.execute(db);
          }
        }
      }
    }
  }
}
