import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { columns } from './columns.ts';

/** The ten business models the taxonomy starts with (issue 9); editors rename, add and reorder them. */
const BUSINESS_MODELS: [slug: string, fr: string, en: string][] = [
  ['services-consulting', 'Services et conseil', 'Services & consulting'],
  ['open-core-dual-licensing', 'Open core / double licence', 'Open core / dual licensing'],
  ['donations-crowdfunding', 'Dons et financement participatif', 'Donations & crowdfunding'],
  ['membership-subscription', 'Adhésions et abonnements', 'Membership & subscription'],
  ['grants-public-funding', 'Subventions et financement public', 'Grants & public funding'],
  ['sales-products-hardware', 'Vente de produits / matériel', 'Sales of products / hardware'],
  ['training', 'Formation', 'Training'],
  ['sponsorship', 'Mécénat et parrainage', 'Sponsorship'],
  ['marketplace-commission', 'Place de marché / commission', 'Marketplace / commission'],
  ['freemium', 'Freemium', 'Freemium'],
];

/**
 * The collaborative map (docs/decisions/016-map.md): organisations with their coordinates as two
 * plain columns under one composite index (a bounding box is two range conditions on both
 * dialects), their themes, business models and case studies; every accepted change as a full
 * snapshot; public suggestions awaiting confirmation and moderation; "write to them" messages
 * waiting to be relayed.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const c = columns(dialect);
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('map_business_models')
    .addColumn('id', 'integer', c.id)
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name_fr', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('map_business_models')
    .values(BUSINESS_MODELS.map(([slug, name_fr, name_en], position) => ({ slug, name_fr, name_en, position })))
    .execute();

  await db.schema
    .createTable('map_organisations')
    .addColumn('id', 'integer', c.id)
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    // normaliseName(name): duplicate detection compares these.
    .addColumn('name_key', 'text', (col) => col.notNull())
    // Folded name, city, country and description: text search is a portable LIKE on it.
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('description_md', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('description_html', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('website', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('logo_url', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('legal_form', 'text')
    // JSON array of licence names.
    .addColumn('licences', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('founded_year', 'integer')
    .addColumn('size_band', 'text')
    .addColumn('address', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('city', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('lat', real as 'real', (col) => col.notNull().check(sql`lat >= -90 and lat <= 90`))
    .addColumn('lng', real as 'real', (col) => col.notNull().check(sql`lng >= -180 and lng <= 180`))
    // Private: relayed to, never shown.
    .addColumn('contact_email', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('published').check(sql`status in ('published','hidden')`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addColumn('updated_at', c.timestamp, (col) => col.notNull())
    .execute();
  // The bounding box: a range on lat, then lng read from the same index entry.
  await db.schema.createIndex('map_organisations_position_idx').on('map_organisations').columns(['status', 'lat', 'lng']).execute();
  await db.schema.createIndex('map_organisations_name_key_idx').on('map_organisations').column('name_key').execute();
  await db.schema.createIndex('map_organisations_name_idx').on('map_organisations').columns(['status', 'name', 'id']).execute();
  await db.schema.createIndex('map_organisations_country_idx').on('map_organisations').columns(['country', 'status']).execute();

  await db.schema
    .createTable('map_organisation_themes')
    .addColumn('organisation_id', 'integer', (col) => col.notNull().references('map_organisations.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (col) => col.notNull().references('themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('map_organisation_themes_pk', ['organisation_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('map_organisation_themes_theme_idx').on('map_organisation_themes').columns(['theme_id', 'organisation_id']).execute();

  await db.schema
    .createTable('map_organisation_models')
    .addColumn('organisation_id', 'integer', (col) => col.notNull().references('map_organisations.id').onDelete('cascade'))
    .addColumn('model_id', 'integer', (col) => col.notNull().references('map_business_models.id'))
    .addPrimaryKeyConstraint('map_organisation_models_pk', ['organisation_id', 'model_id'])
    .execute();
  await db.schema.createIndex('map_organisation_models_model_idx').on('map_organisation_models').columns(['model_id', 'organisation_id']).execute();

  await db.schema
    .createTable('map_organisation_pieces')
    .addColumn('organisation_id', 'integer', (col) => col.notNull().references('map_organisations.id').onDelete('cascade'))
    .addColumn('piece_id', 'integer', (col) => col.notNull().references('pieces.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('map_organisation_pieces_pk', ['organisation_id', 'piece_id'])
    .execute();

  await db.schema
    .createTable('map_suggestions')
    .addColumn('id', 'integer', c.id)
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('new','correction')`))
    // The organisation a correction is about, or the one a suggestion became or was merged into.
    .addColumn('organisation_id', 'integer', (col) => col.references('map_organisations.id'))
    // JSON: the proposed fields (OrganisationFields, partial for a correction).
    .addColumn('proposal', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull().defaultTo(''))
    // Private: who suggested it (credited as a contributor once accepted, never published here).
    .addColumn('suggester_name', 'text', (col) => col.notNull())
    .addColumn('suggester_email', 'text', (col) => col.notNull())
    .addColumn('lang', 'text', (col) => col.notNull().defaultTo('fr'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('unconfirmed','pending','accepted','merged','rejected')`))
    .addColumn('confirmed_at', c.timestamp)
    .addColumn('decided_by', 'integer', (col) => col.references('users.id'))
    .addColumn('decided_at', c.timestamp)
    .addColumn('decision_note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('map_suggestions_status_idx').on('map_suggestions').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('map_versions')
    .addColumn('id', 'integer', c.id)
    .addColumn('organisation_id', 'integer', (col) => col.notNull().references('map_organisations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (col) => col.notNull())
    // JSON: the whole OrganisationFields after the change.
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('author_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('suggestion_id', 'integer', (col) => col.references('map_suggestions.id'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .addUniqueConstraint('map_versions_number_unique', ['organisation_id', 'number'])
    .execute();

  await db.schema
    .createTable('map_relay_messages')
    .addColumn('id', 'integer', c.id)
    .addColumn('organisation_id', 'integer', (col) => col.notNull().references('map_organisations.id').onDelete('cascade'))
    .addColumn('sender_name', 'text', (col) => col.notNull())
    .addColumn('sender_email', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('lang', 'text', (col) => col.notNull().defaultTo('fr'))
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
}
