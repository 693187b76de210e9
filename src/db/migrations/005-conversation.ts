import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/**
 * Conversation and reach (issue 8): comments and open-challenge responses with their moderation,
 * webmentions and pingbacks received and sent, and the search index over public documents —
 * SQLite FTS5 (external content kept by triggers) or a PostgreSQL tsvector column (french
 * stemming, accents folded by `unaccent`, or by `translate` where the extension is missing).
 * See docs/decisions/013-conversation.md and 014-search.md.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);

  // A person who comments, known by their private email: trusted once an editor approved them.
  await db.schema
    .createTable('commenters')
    .addColumn('id', 'integer', c.id)
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('trusted_at', c.timestamp)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', c.id)
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    // One level of replies: a reply's parent is a comment that is not itself a reply (checked by the command).
    .addColumn('parent_id', 'integer', (col) => col.references('comments.id').onDelete('cascade'))
    .addColumn('commenter_id', 'integer', (col) => col.notNull().references('commenters.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (col) => col.notNull())
    .addColumn('author_website', 'text')
    .addColumn('body_md', 'text', (col) => col.notNull())
    .addColumn('body_html', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('held','published','spam')`))
    .addColumn('held_reason', 'text')
    .addColumn('published_at', c.timestamp)
    .addColumn('moderated_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('comments_piece_idx').on('comments').columns(['piece_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('comments_queue_idx').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_commenter_idx').on('comments').columns(['commenter_id']).execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'integer', c.id)
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('commenter_id', 'integer', (col) => col.notNull().references('commenters.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (col) => col.notNull())
    .addColumn('author_website', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body_md', 'text', (col) => col.notNull())
    .addColumn('body_html', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('held','published','spam')`))
    .addColumn('held_reason', 'text')
    .addColumn('featured', 'integer', (col) => col.notNull().defaultTo(0))
    // The contributor profile credited once the response is approved.
    .addColumn('contributor_id', 'integer', (col) => col.references('contributors.id').onDelete('set null'))
    .addColumn('published_at', c.timestamp)
    .addColumn('moderated_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('responses_piece_idx').on('responses').columns(['piece_id', 'status', 'featured']).execute();
  await db.schema.createIndex('responses_queue_idx').on('responses').columns(['status', 'created_at']).execute();

  // A row: the piece's comments are closed.
  await db.schema
    .createTable('closed_discussions')
    .addColumn('piece_id', 'integer', (col) => col.primaryKey().references('pieces.id').onDelete('cascade'))
    .addColumn('closed_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('closed_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('conversation_settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();

  // Webmentions and pingbacks received: pending until the source was fetched and found to link here.
  await db.schema
    .createTable('mentions')
    .addColumn('id', 'integer', c.id)
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('source_url', 'text', (col) => col.notNull())
    .addColumn('target_url', 'text', (col) => col.notNull())
    .addColumn('protocol', 'text', (col) => col.notNull().check(sql`protocol in ('webmention','pingback')`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending','published','held','spam')`))
    .addColumn('kind', 'text', (col) => col.notNull().defaultTo('mention'))
    .addColumn('author_name', 'text')
    .addColumn('author_url', 'text')
    .addColumn('title', 'text')
    .addColumn('excerpt', 'text')
    .addColumn('source_published_at', c.timestamp)
    .addColumn('requested_at', c.timestamp, (col) => col.notNull())
    .addColumn('verified_at', c.timestamp)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('mentions_source_uq', ['piece_id', 'source_url'])
    .execute();
  await db.schema.createIndex('mentions_queue_idx').on('mentions').columns(['status', 'created_at']).execute();

  // Webmentions sent for the links of our pieces: the log editors read.
  await db.schema
    .createTable('sent_mentions')
    .addColumn('id', 'integer', c.id)
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('source_url', 'text', (col) => col.notNull())
    .addColumn('target_url', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('queued','sent','no_endpoint','refused','failed')`))
    .addColumn('endpoint', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('sent_mentions_target_uq', ['piece_id', 'target_url'])
    .execute();

  // The search index: one row per public document of any source (pieces now, map organisations
  // later). Small columns first, the long texts last: SQLite reads a row's filters (source, kind,
  // date) without walking the overflow pages of its body.
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'integer', c.id)
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('source_id', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('published_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    // When this row was last written: a full rebuild removes the rows it did not write again.
    .addColumn('indexed_at', c.timestamp, (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('licence', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('authors', 'text', (col) => col.notNull().defaultTo(''))
    // JSON [{name, url, role}], for feeds and result lines.
    .addColumn('authors_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('content_html', 'text', (col) => col.notNull().defaultTo(''))
    .addUniqueConstraint('search_documents_source_uq', ['source', 'source_id'])
    .execute();
  await db.schema.createIndex('search_documents_published_idx').on('search_documents').columns(['source', 'published_at']).execute();
  // The feeds' version: the last write to a source's documents.
  await db.schema.createIndex('search_documents_indexed_idx').on('search_documents').columns(['source', 'indexed_at']).execute();

  // Filters: theme:<id>, contributor:<slug>… (a source names its own).
  await db.schema
    .createTable('search_tags')
    .addColumn('document_id', 'integer', (col) => col.notNull().references('search_documents.id').onDelete('cascade'))
    .addColumn('tag', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('search_tags_pk', ['document_id', 'tag'])
    .execute();
  await db.schema.createIndex('search_tags_tag_idx').on('search_tags').columns(['tag', 'document_id']).execute();

  // When each source was last indexed in full (none: index it at start).
  await db.schema
    .createTable('search_sources')
    .addColumn('source', 'text', (col) => col.primaryKey())
    .addColumn('built_at', c.timestamp, (col) => col.notNull())
    .execute();

  if (dialect === 'sqlite') await sqliteFullText(db);
  else await postgresFullText(db);
}

/**
 * FTS5 over search_documents as external content: the index stores no second copy of the text,
 * and triggers keep it in step with every insert, update and delete. unicode61 with
 * remove_diacritics 2 folds accents on both sides ("electricite" finds "électricité").
 */
async function sqliteFullText(db: Kysely<any>): Promise<void> {
  await sql`
    create virtual table search_fts using fts5(
      title, summary, body, authors,
      content='search_documents', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    )
  `.execute(db);
  await sql`
    create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, title, summary, body, authors) values (new.id, new.title, new.summary, new.body, new.authors);
    end
  `.execute(db);
  await sql`
    create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, title, summary, body, authors) values ('delete', old.id, old.title, old.summary, old.body, old.authors);
    end
  `.execute(db);
  await sql`
    create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, title, summary, body, authors) values ('delete', old.id, old.title, old.summary, old.body, old.authors);
      insert into search_fts(rowid, title, summary, body, authors) values (new.id, new.title, new.summary, new.body, new.authors);
    end
  `.execute(db);
}

/**
 * A text search configuration `oe_french`: French stemming, with accents folded by the unaccent
 * dictionary when the extension can be installed. `oe_fold` is applied to every text indexed and
 * every query: the identity when unaccent does the folding, a `translate` of the accented letters
 * otherwise. The tsvector is a stored generated column (title A, authors and summary B, body C)
 * under a GIN index.
 */
async function postgresFullText(db: Kysely<any>): Promise<void> {
  const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'unaccent'`.execute(db);
  const withUnaccent = (available.rows[0]?.n ?? 0) > 0;
  if (withUnaccent) await sql`create extension if not exists unaccent`.execute(db);
  await sql`create text search configuration oe_french (copy = french)`.execute(db);
  if (withUnaccent) {
    await sql`alter text search configuration oe_french alter mapping for hword, hword_part, word with unaccent, french_stem`.execute(db);
    await sql`create function oe_fold(text) returns text language sql immutable parallel safe as $$ select $1 $$`.execute(db);
  } else {
    await sql`
      create function oe_fold(text) returns text language sql immutable parallel safe as $$
        select translate($1,
          'àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ',
          'aaaaaaceeeeiiiinooooouuuuyyaoAAAAAACEEEEIIIINOOOOOUUUUYY')
      $$
    `.execute(db);
  }
  await sql`
    alter table search_documents add column tsv tsvector generated always as (
      setweight(to_tsvector('oe_french'::regconfig, oe_fold(title)), 'A') ||
      setweight(to_tsvector('oe_french'::regconfig, oe_fold(authors)), 'B') ||
      setweight(to_tsvector('oe_french'::regconfig, oe_fold(summary)), 'B') ||
      setweight(to_tsvector('oe_french'::regconfig, oe_fold(body)), 'C')
    ) stored
  `.execute(db);
  await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
}
