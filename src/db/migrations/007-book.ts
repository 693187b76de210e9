import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/**
 * The book (docs/decisions/018-book.md): what a book is made of (parts, chapters from published
 * pieces — current text or a pinned revision — and editor-written texts, in order), its builds (a
 * queue claimed under a lease, one running build per book, enforced here), the files each build
 * produced (stored in the database so every instance serves them), and the paper copies ordered
 * in the shop.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);

  await db.schema.alterTable('books').addColumn('subtitle', 'text', (col) => col.notNull().defaultTo('')).execute();
  await db.schema.alterTable('books').addColumn('edition', 'text', (col) => col.notNull().defaultTo('1')).execute();
  await db.schema.alterTable('books').addColumn('language', 'text', (col) => col.notNull().defaultTo('fr')).execute();
  await db.schema.alterTable('books').addColumn('cover_media_id', 'integer', (col) => col.references('media.id')).execute();
  // The back matter's "about the programme" text, in Markdown (empty: the catalogue's default).
  await db.schema.alterTable('books').addColumn('about_md', 'text', (col) => col.notNull().defaultTo('')).execute();
  // 1 when paper copies may be ordered in the shop.
  await db.schema.alterTable('books').addColumn('shop_open', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  // The build whose files are served; a failed build never changes it.
  await db.schema.alterTable('books').addColumn('current_build_id', 'integer').execute();
  // The latest change of the book's own fields (its chapters have theirs).
  await db.schema.alterTable('books').addColumn('updated_at', c.timestamp).execute();

  await db.schema
    .createTable('book_entries')
    .addColumn('id', 'integer', c.id)
    .addColumn('book_id', 'integer', (col) => col.notNull().references('books.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('part','piece','text')`))
    // A part's or a text's title; for a piece, a title replacing the piece's own (empty: the piece's).
    .addColumn('title', 'text', (col) => col.notNull().defaultTo(''))
    // A deleted piece leaves its chapter in place without it: the build names it and fails.
    .addColumn('piece_id', 'integer', (col) => col.references('pieces.id').onDelete('set null'))
    // The piece's title when it was added, to name a chapter whose piece is gone.
    .addColumn('source_title', 'text', (col) => col.notNull().defaultTo(''))
    // Pinned to this revision of the piece; null: its current published text.
    .addColumn('revision_number', 'integer')
    .addColumn('body_md', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('book_entries_order_idx').on('book_entries').columns(['book_id', 'position', 'id']).execute();

  await db.schema
    .createTable('book_builds')
    .addColumn('id', 'integer', c.id)
    .addColumn('book_id', 'integer', (col) => col.notNull().references('books.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('queued','running','succeeded','failed')`))
    .addColumn('progress', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('step', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    // A running build is leased to one process, which renews the lease as it progresses; a build
    // whose process died is claimed again when its lease runs out.
    .addColumn('locked_until', c.timestamp)
    // JSON: the build report, every error and warning naming its chapter and image.
    .addColumn('report', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('content_hash', 'text')
    .addColumn('edition', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('requested_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('started_at', c.timestamp)
    .addColumn('finished_at', c.timestamp)
    .execute();
  // One build running, and one waiting, per book at most: the database refuses a second.
  await db.schema.createIndex('book_builds_one_running_idx').on('book_builds').column('book_id').unique().where(sql.ref('status'), '=', 'running').execute();
  await db.schema.createIndex('book_builds_one_queued_idx').on('book_builds').column('book_id').unique().where(sql.ref('status'), '=', 'queued').execute();
  await db.schema.createIndex('book_builds_due_idx').on('book_builds').columns(['status', 'id']).execute();

  await db.schema
    .createTable('book_files')
    .addColumn('build_id', 'integer', (col) => col.notNull().references('book_builds.id').onDelete('cascade'))
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('mime', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('bytes', c.blob, (col) => col.notNull())
    .addPrimaryKeyConstraint('book_files_pk', ['build_id', 'path'])
    .execute();

  await db.schema
    .createTable('book_orders')
    .addColumn('id', 'integer', c.id)
    .addColumn('public_id', 'text', (col) => col.notNull().unique())
    .addColumn('book_id', 'integer', (col) => col.notNull().references('books.id'))
    // Private, like every column of a buyer: shown to organisers only, never on a public page.
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('postal_code', 'text', (col) => col.notNull())
    .addColumn('city', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('shipping_option', 'text', (col) => col.notNull())
    .addColumn('shipping_per_copy', 'bigint', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price', 'bigint', (col) => col.notNull())
    .addColumn('total', 'bigint', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('ordered','paid','shipped','cancelled','refunded')`))
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('provider_ref', 'text')
    .addColumn('provider_payment_ref', 'text')
    .addColumn('checkout_url', 'text')
    .addColumn('sale_id', 'integer', (col) => col.references('book_sales.id'))
    .addColumn('lang', 'text', (col) => col.notNull().defaultTo('fr'))
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('book_orders_status_idx').on('book_orders').columns(['book_id', 'status', 'id']).execute();
  await db.schema.createIndex('book_orders_provider_ref_idx').on('book_orders').column('provider_ref').execute();
}
