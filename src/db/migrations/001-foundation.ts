import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/** Accounts, publishing, the contributors registry, pages, media and the audit trail. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);

  await db.schema
    .createTable('contributors')
    .addColumn('id', 'integer', c.id)
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('bio', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('photo_media_id', 'integer')
    .addColumn('links', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('email', 'text')
    .addColumn('public_name', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', c.id)
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin','editor','contributor','member')`))
    .addColumn('email_confirmed_at', c.timestamp)
    .addColumn('contributor_id', 'integer', (col) => col.references('contributors.id').onDelete('set null'))
    .addColumn('locale', 'text', (col) => col.notNull().defaultTo('fr'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('expires_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('expires_at', c.timestamp, (col) => col.notNull())
    .addColumn('used_at', c.timestamp)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', 'integer', c.id)
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name_fr', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('description_fr', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', c.id)
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('mime', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('bytes', c.blob, (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'integer', c.id)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('pitch', 'text', (col) => col.notNull())
    .addColumn('draft_md', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('language', 'text', (col) => col.notNull().defaultTo('fr'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('new'))
    .addColumn('piece_id', 'integer')
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('pieces')
    .addColumn('id', 'integer', c.id)
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('article','interview','case_study','challenge')`),
    )
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('body_md', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('cover_media_id', 'integer', (col) => col.references('media.id').onDelete('set null'))
    .addColumn('cover_alt', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('language', 'text', (col) => col.notNull().defaultTo('fr'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('draft','submitted','in_review','published','rejected')`),
    )
    .addColumn('published_at', c.timestamp)
    .addColumn('licence', 'text', (col) => col.notNull().defaultTo('CC-BY-SA-4.0'))
    .addColumn('review_feedback', 'text')
    .addColumn('proposal_id', 'integer', (col) => col.references('proposals.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('pieces_status_published_idx').on('pieces').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('pieces_kind_idx').on('pieces').columns(['kind', 'status', 'published_at']).execute();

  await db.schema
    .createTable('piece_themes')
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (col) => col.notNull().references('themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('piece_themes_pk', ['piece_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('piece_themes_theme_idx').on('piece_themes').columns(['theme_id', 'piece_id']).execute();

  await db.schema
    .createTable('piece_revisions')
    .addColumn('id', 'integer', c.id)
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('author_user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('piece_revisions_number_uq', ['piece_id', 'number'])
    .execute();

  await db.schema
    .createTable('contributions')
    .addColumn('id', 'integer', c.id)
    .addColumn('contributor_id', 'integer', (col) => col.notNull().references('contributors.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('accepted_at', c.timestamp)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('contributions_uq', ['contributor_id', 'kind', 'subject_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('contributions_subject_idx').on('contributions').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('contributions_contributor_idx').on('contributions').columns(['contributor_id', 'accepted_at']).execute();

  await db.schema
    .createTable('pages')
    .addColumn('slug', 'text', (col) => col.primaryKey())
    .addColumn('title_fr', 'text', (col) => col.notNull())
    .addColumn('body_md_fr', 'text', (col) => col.notNull())
    .addColumn('body_html_fr', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text', (col) => col.notNull())
    .addColumn('body_md_en', 'text', (col) => col.notNull())
    .addColumn('body_html_en', 'text', (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'integer', c.id)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('read_at', c.timestamp)
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', c.id)
    .addColumn('actor_user_id', 'integer')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'integer')
    .addColumn('data', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_subject_idx').on('audit_events').columns(['subject_type', 'subject_id']).execute();
}
