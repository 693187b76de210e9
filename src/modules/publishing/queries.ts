/** Reads of publishing: public pages, the studio and the desk, and what the emails need. */
import type { ExpressionBuilder } from 'kysely';
import { dialectOf, type Dialect, type Executor } from '../../db/database.ts';
import { jsonArrayFrom, parseJsonArray } from '../../db/json-array.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { DB } from '../../db/schema.ts';
import { containsText } from '../../db/text-match.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import { toPage, type Page, type PageWindow } from '../../shared/pagination.ts';
import { creditsSubquery, listCredits } from '../contributors/index.ts';
import { mediaKeySubquery, mediaKeysOf } from '../media/index.ts';
import type { PieceKind } from './domain/kinds.ts';
import type { PieceStatus } from './domain/workflow.ts';

export interface CreditView {
  contributorId: number;
  name: string;
  slug: string;
  kind: string;
}

export interface ThemeView {
  id: number;
  slug: string;
  name_fr: string;
  name_en: string;
}

export interface PieceCard {
  id: number;
  kind: PieceKind;
  slug: string;
  title: string;
  summary: string;
  language: Lang;
  published_at: string | null;
  cover_media_id: number | null;
  /** The cover's key, for its URL (mediaUrl). */
  cover_key: string | null;
  cover_alt: string;
  credits: CreditView[];
  themes: ThemeView[];
}

const cardColumns = [
  'pieces.id',
  'pieces.kind',
  'pieces.slug',
  'pieces.title',
  'pieces.summary',
  'pieces.language',
  'pieces.published_at',
  'pieces.cover_media_id',
  'pieces.cover_alt',
] as const;

/** Adds credits, themes and cover keys to pieces in three queries, whatever the number of pieces. */
async function withCreditsAndThemes<T extends { id: number; cover_media_id: number | null }>(
  db: Executor,
  rows: T[],
): Promise<(T & { cover_key: string | null; credits: CreditView[]; themes: ThemeView[] })[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [credits, themes, coverKeys] = await Promise.all([
    listCredits(db, 'piece', ids),
    db
      .selectFrom('piece_themes')
      .innerJoin('themes', 'themes.id', 'piece_themes.theme_id')
      .select(['piece_themes.piece_id', 'themes.id', 'themes.slug', 'themes.name_fr', 'themes.name_en'])
      .where('piece_themes.piece_id', 'in', ids)
      .orderBy('themes.position')
      .execute(),
    mediaKeysOf(db, rows.map((r) => r.cover_media_id)),
  ]);
  return rows.map((r) => ({
    ...r,
    cover_key: r.cover_media_id === null ? null : (coverKeys.get(r.cover_media_id) ?? null),
    credits: credits.filter((c) => c.subject_id === r.id).map((c) => ({ contributorId: c.contributor_id, name: c.name, slug: c.slug, kind: c.kind })),
    themes: themes.filter((t) => t.piece_id === r.id).map(({ piece_id: _, ...t }) => t),
  }));
}

export interface PublishedFilter {
  kind?: PieceKind;
  themeId?: number;
  limit: number;
  offset?: number;
}

function publishedQuery(db: Executor, now: Date, filter: Omit<PublishedFilter, 'limit' | 'offset'>) {
  let q = db
    .selectFrom('pieces')
    .where('pieces.status', '=', 'published')
    .where('pieces.published_at', '<=', now.toISOString());
  if (filter.kind) q = q.where('pieces.kind', '=', filter.kind);
  if (filter.themeId !== undefined) {
    const themeId = filter.themeId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('piece_themes').select('piece_themes.piece_id').whereRef('piece_themes.piece_id', '=', 'pieces.id').where('piece_themes.theme_id', '=', themeId)),
    );
  }
  return q;
}

/**
 * A card's lists aggregated into its own row (one statement per page, not one per list): its
 * credits and themes as JSON arrays, its cover's key.
 */
function cardAggregates(db: Executor, dialect: Dialect) {
  return (eb: ExpressionBuilder<DB, 'pieces'>) => [
    jsonArrayFrom(dialect, creditsSubquery(db, 'piece', eb.ref('pieces.id'))).as('credits_json'),
    jsonArrayFrom(
      dialect,
      db
        .selectFrom('piece_themes')
        .innerJoin('themes', 'themes.id', 'piece_themes.theme_id')
        .select(['themes.id', 'themes.slug', 'themes.name_fr', 'themes.name_en'])
        .where('piece_themes.piece_id', '=', eb.ref('pieces.id'))
        .orderBy('themes.position'),
    ).as('themes_json'),
    mediaKeySubquery(db, eb.ref('pieces.cover_media_id')).as('cover_key'),
  ];
}

/** A row read with `cardAggregates`, its JSON parsed. */
function withAggregates<T extends { credits_json: CreditView[] | string; themes_json: ThemeView[] | string; cover_key: string | null }>(row: T) {
  const { credits_json, themes_json, ...rest } = row;
  return { ...rest, cover_key: rest.cover_key ?? null, credits: parseJsonArray<CreditView>(credits_json), themes: parseJsonArray<ThemeView>(themes_json) };
}

/**
 * The home page's read: the latest published pieces, compiled once per page size (the limit is a
 * constant of the statement, which `InlineLimits` writes into the SQL on SQLite).
 */
const latestByLimit = new Map<number, ReturnType<typeof latestPublished>>();
function latestPublished(limit: number) {
  return preparedQuery(['now'], (db, p: { now: string }, dialect) =>
    db
      .selectFrom('pieces')
      .select(cardColumns)
      .select(cardAggregates(db, dialect))
      .where('pieces.status', '=', 'published')
      .where('pieces.published_at', '<=', p.now)
      .orderBy('pieces.published_at', 'desc')
      .orderBy('pieces.id', 'desc')
      .limit(limit),
  );
}

/** Page sizes the code asks for (home, listings, feeds): each gets its compiled read. */
const MAX_PREPARED_LIMIT = 100;

/** Published pieces, newest first, with their credits and themes (one statement). */
export async function listPublishedPieces(db: Executor, now: Date, filter: PublishedFilter): Promise<PieceCard[]> {
  if (filter.kind === undefined && filter.themeId === undefined && !filter.offset && Number.isSafeInteger(filter.limit) && filter.limit > 0 && filter.limit <= MAX_PREPARED_LIMIT) {
    let latest = latestByLimit.get(filter.limit);
    if (!latest) latestByLimit.set(filter.limit, (latest = latestPublished(filter.limit)));
    return (await latest(db, { now: now.toISOString() })).map(withAggregates);
  }
  const rows = await publishedQuery(db, now, filter)
    .select(cardColumns)
    .select(cardAggregates(db, dialectOf(db)))
    .orderBy('pieces.published_at', 'desc')
    .orderBy('pieces.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map(withAggregates);
}

export async function countPublishedPieces(db: Executor, now: Date, filter: Omit<PublishedFilter, 'limit' | 'offset'>): Promise<number> {
  const row = await publishedQuery(db, now, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The piece page's read: the piece with its credits, themes and cover key in one statement, compiled once. */
const publishedPieceBySlug = preparedQuery(['slug', 'now'], (db, p: { slug: string; now: string }, dialect) =>
  db
    .selectFrom('pieces')
    .select([...cardColumns, 'pieces.body_html', 'pieces.licence', 'pieces.updated_at', 'pieces.translation_of'])
    .select(cardAggregates(db, dialect))
    .where('pieces.slug', '=', p.slug)
    .where('pieces.status', '=', 'published')
    .where('pieces.published_at', '<=', p.now),
);

export async function getPublishedPiece(db: Executor, slug: string, now: Date) {
  const [row] = await publishedPieceBySlug(db, { slug, now: now.toISOString() });
  return row ? withAggregates(row) : undefined;
}

export type PublishedPiece = NonNullable<Awaited<ReturnType<typeof getPublishedPiece>>>;

/** Any piece by id with everything the editing page needs (no status filter: callers authorise). */
export async function getPieceForEditing(db: Executor, id: number) {
  const row = await db
    .selectFrom('pieces')
    .leftJoin('pieces as original', 'original.id', 'pieces.translation_of')
    .selectAll('pieces')
    .select('original.slug as translation_of_slug')
    .where('pieces.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [piece] = await withCreditsAndThemes(db, [row]);
  return piece!;
}

export type EditablePiece = NonNullable<Awaited<ReturnType<typeof getPieceForEditing>>>;

export interface EditorPieceRow {
  id: number;
  kind: PieceKind;
  slug: string;
  title: string;
  status: PieceStatus;
  published_at: string | null;
  updated_at: string;
  proposal_id: number | null;
}

const editorColumns = ['id', 'kind', 'slug', 'title', 'status', 'published_at', 'updated_at', 'proposal_id'] as const;

export async function listPiecesByStatus(db: Executor, statuses: PieceStatus[], limit = 200): Promise<EditorPieceRow[]> {
  return db
    .selectFrom('pieces')
    .select(editorColumns)
    .where('status', 'in', statuses)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** One page of the desk's pieces, latest change first: one state or all, filtered by a part of the title or slug. */
export async function listPiecesForDesk(db: Executor, filter: { status: PieceStatus | null; q: string; window: PageWindow }): Promise<Page<EditorPieceRow>> {
  let query = db.selectFrom('pieces').select(editorColumns);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) query = query.where((eb) => eb.or([containsText('title', filter.q), containsText('slug', filter.q)]));
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filter.window.limit).offset(filter.window.offset).execute();
  return toPage(rows, filter.window);
}

/** Pieces a person created or is credited on (their writing space). */
export async function listPiecesOfActor(db: Executor, actor: { id: number; contributorId: number | null }): Promise<EditorPieceRow[]> {
  return db
    .selectFrom('pieces')
    .select(editorColumns)
    .where((eb) =>
      eb.or([
        eb('created_by', '=', actor.id),
        ...(actor.contributorId !== null
          ? [
              eb.exists(
                eb
                  .selectFrom('contributions')
                  .select('contributions.id')
                  .whereRef('contributions.subject_id', '=', 'pieces.id')
                  .where('contributions.subject_type', '=', 'piece')
                  .where('contributions.contributor_id', '=', actor.contributorId),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .execute();
}

/**
 * What a command needs to decide about a piece: where it is in the workflow, who created it and
 * who is credited on it (the policy's owner rule), and the fields its use cases change.
 */
export async function getPieceState(db: Executor, id: number) {
  const row = await db
    .selectFrom('pieces')
    .select(['id', 'status', 'title', 'created_by', 'proposal_id', 'cover_media_id', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const credits = (await listCredits(db, 'piece', [id])).map((c) => ({ contributorId: c.contributor_id }));
  return { ...row, credits };
}

/**
 * Who hears about a rejection, and in which language: the proposer (by their private email) when
 * the piece came from a proposal, otherwise the account that wrote it.
 */
export async function getRejectionRecipient(db: Executor, pieceId: number): Promise<{ email: string; lang: Lang; title: string } | undefined> {
  const piece = await db.selectFrom('pieces').select(['title', 'created_by', 'proposal_id']).where('id', '=', pieceId).executeTakeFirst();
  if (!piece) return undefined;
  if (piece.proposal_id !== null) {
    const proposal = await db.selectFrom('proposals').select(['email', 'language']).where('id', '=', piece.proposal_id).executeTakeFirst();
    if (proposal) return { email: proposal.email, lang: proposal.language, title: piece.title };
  }
  if (piece.created_by !== null) {
    const user = await db.selectFrom('users').select(['email', 'locale']).where('id', '=', piece.created_by).executeTakeFirst();
    if (user) return { email: user.email, lang: user.locale, title: piece.title };
  }
  return undefined;
}

export async function slugTaken(db: Executor, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('pieces').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function takenSlugsLike(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db.selectFrom('pieces').select('slug').where('slug', 'like', `${base}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

/** Every public piece for the sitemap and the contributor registry's subject resolver. */
export async function listPublishedRefs(db: Executor, now: Date, ids?: number[]) {
  let q = db
    .selectFrom('pieces')
    .select(['id', 'slug', 'title', 'kind', 'published_at', 'updated_at'])
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString());
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('published_at', 'desc').execute();
}

/** A public piece with everything other modules show of it elsewhere (feeds, search, discussion emails). */
export interface PublicPiece extends PieceCard {
  body_md: string;
  body_html: string;
  licence: string;
  updated_at: string;
}

/**
 * Public pieces (published, publication time come) by id, by slug, or in id order after `afterId`
 * (for rebuilding an index page by page), with their credits and themes.
 */
export async function listPublicPieces(
  db: Executor,
  now: Date,
  filter: { ids?: number[]; slug?: string; afterId?: number; limit: number },
): Promise<PublicPiece[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let q = db
    .selectFrom('pieces')
    .select([...cardColumns, 'pieces.body_md', 'pieces.body_html', 'pieces.licence', 'pieces.updated_at'])
    .where('pieces.status', '=', 'published')
    .where('pieces.published_at', '<=', now.toISOString());
  if (filter.ids) q = q.where('pieces.id', 'in', filter.ids);
  if (filter.slug !== undefined) q = q.where('pieces.slug', '=', filter.slug);
  if (filter.afterId !== undefined) q = q.where('pieces.id', '>', filter.afterId);
  return withCreditsAndThemes(db, await q.orderBy('pieces.id').limit(filter.limit).execute());
}

/**
 * Whether a stored image is shown by a piece the public can read (its cover or an image of its
 * text: piece_media). For the media module, through app.ts.
 */
export async function pieceMediaShown(db: Executor, mediaId: number, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('piece_media')
    .innerJoin('pieces', 'pieces.id', 'piece_media.piece_id')
    .select('pieces.id')
    .where('piece_media.media_id', '=', mediaId)
    .where('pieces.status', '=', 'published')
    .where('pieces.published_at', '<=', now.toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * When the next scheduled publication comes out (a published piece whose time is still ahead), so
 * that the page cache lets pages listing pieces go at that moment (docs/decisions/021).
 */
export async function nextScheduledPublication(db: Executor, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('pieces')
    .select((eb) => eb.fn.min('published_at').as('next'))
    .where('status', '=', 'published')
    .where('published_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.next ?? null;
}
