/**
 * Reads of the conversation: what a piece's page shows (public columns only: a commenter's email
 * is never selected for it), the editors' queue, the settings, and what the effects need.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { jsonArrayFrom, parseJsonArray } from '../../db/json-array.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import { toPage, type Page, type PageWindow } from '../../shared/pagination.ts';
import { parseBlocklist } from './domain/moderation.ts';
import type { ContributionStatus, MentionKind, MentionStatus } from './domain/statuses.ts';

export interface PublicComment {
  id: number;
  parent_id: number | null;
  author_name: string;
  author_website: string | null;
  body_html: string;
  published_at: string | null;
}

export interface PublicResponse {
  id: number;
  author_name: string;
  author_website: string | null;
  title: string;
  body_html: string;
  featured: number;
  published_at: string | null;
}

export interface PublicMention {
  id: number;
  source_url: string;
  protocol: 'webmention' | 'pingback';
  kind: MentionKind;
  author_name: string | null;
  author_url: string | null;
  title: string | null;
  excerpt: string | null;
  verified_at: string | null;
}

export interface PieceDiscussion {
  comments: PublicComment[];
  responses: PublicResponse[];
  mentions: PublicMention[];
  closed: boolean;
}

/**
 * What a piece's page shows under the article, in one statement compiled once (with or without
 * the responses): each list a JSON array of its rows, and whether the discussion is closed.
 * Four statements cost four read transactions (each takes and drops SQLite's file lock).
 */
function discussionQuery(withResponses: boolean) {
  return preparedQuery(['pieceId'], (db, p: { pieceId: number }, dialect) =>
    db.selectNoFrom((eb) => [
      jsonArrayFrom(
        dialect,
        db
          .selectFrom('comments')
          .select(['id', 'parent_id', 'author_name', 'author_website', 'body_html', 'published_at'])
          .where('piece_id', '=', p.pieceId)
          .where('status', '=', 'published')
          .orderBy('published_at')
          .orderBy('id')
          .limit(sql.lit(1000)),
      ).as('comments'),
      (withResponses
        ? jsonArrayFrom(
            dialect,
            db
              .selectFrom('responses')
              .select(['id', 'author_name', 'author_website', 'title', 'body_html', 'featured', 'published_at'])
              .where('piece_id', '=', p.pieceId)
              .where('status', '=', 'published')
              .orderBy('featured', 'desc')
              .orderBy('published_at')
              .orderBy('id')
              .limit(sql.lit(500)),
          )
        : sql<PublicResponse[]>`null`
      ).as('responses'),
      jsonArrayFrom(
        dialect,
        db
          .selectFrom('mentions')
          .select(['id', 'source_url', 'protocol', 'kind', 'author_name', 'author_url', 'title', 'excerpt', 'verified_at'])
          .where('piece_id', '=', p.pieceId)
          .where('status', '=', 'published')
          .orderBy('verified_at')
          .orderBy('id')
          .limit(sql.lit(500)),
      ).as('mentions'),
      eb.exists(db.selectFrom('closed_discussions').select('piece_id').where('piece_id', '=', p.pieceId)).as('closed'),
    ]),
  );
}
const discussionWithResponses = discussionQuery(true);
const discussionWithoutResponses = discussionQuery(false);

/** A moment read from a JSON array: PostgreSQL writes `…+00:00` there, the columns read as `…Z`. */
const iso = (value: string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** What a piece's page shows under the article: published comments (oldest first), responses (featured first), mentions. */
export async function getPieceDiscussion(db: Executor, pieceId: number, options: { withResponses: boolean }): Promise<PieceDiscussion> {
  const [row] = await (options.withResponses ? discussionWithResponses : discussionWithoutResponses)(db, { pieceId });
  return {
    comments: parseJsonArray(row?.comments).map((c) => ({ ...c, published_at: iso(c.published_at) })),
    responses: parseJsonArray(row?.responses).map((r) => ({ ...r, featured: Number(r.featured), published_at: iso(r.published_at) })),
    mentions: parseJsonArray(row?.mentions).map((m) => ({ ...m, verified_at: iso(m.verified_at) })),
    closed: Boolean(row?.closed),
  };
}

/** Whether the piece's comments are closed. */
export async function isDiscussionClosed(db: Executor, pieceId: number): Promise<boolean> {
  return (await db.selectFrom('closed_discussions').select('piece_id').where('piece_id', '=', pieceId).executeTakeFirst()) !== undefined;
}

/** A published top-level comment of the piece, to reply to (public columns). */
export async function getReplyTarget(db: Executor, pieceId: number, commentId: number) {
  return db
    .selectFrom('comments')
    .select(['id', 'author_name', 'body_html', 'parent_id'])
    .where('id', '=', commentId)
    .where('piece_id', '=', pieceId)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** The published comments of a piece, newest first, for its comments feed. */
export async function listPublishedComments(db: Executor, pieceId: number, limit: number): Promise<PublicComment[]> {
  return db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'author_website', 'body_html', 'published_at'])
    .where('piece_id', '=', pieceId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface ConversationSettings {
  blocklist: string[];
  /** Tell a piece's authors of each comment published on it. */
  notifyAuthors: boolean;
  /** Hold verified mentions for an editor instead of showing them at once. */
  moderateMentions: boolean;
}

export const DEFAULT_SETTINGS: ConversationSettings = { blocklist: [], notifyAuthors: true, moderateMentions: false };

export async function getConversationSettings(db: Executor): Promise<ConversationSettings> {
  const rows = await db.selectFrom('conversation_settings').select(['key', 'value']).execute();
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const flag = (key: string, fallback: boolean) => {
    const v = value(key);
    return v === undefined ? fallback : v === '1';
  };
  return {
    blocklist: parseBlocklist(value('blocklist') ?? ''),
    notifyAuthors: flag('notify_authors', DEFAULT_SETTINGS.notifyAuthors),
    moderateMentions: flag('moderate_mentions', DEFAULT_SETTINGS.moderateMentions),
  };
}

/** The commenter behind a private email (editors' and commands' use only). */
export async function getCommenterByEmail(db: Executor, email: string) {
  return db.selectFrom('commenters').select(['id', 'trusted_at']).where('email', '=', email).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// The editors' queue

export type ItemType = 'comment' | 'response' | 'mention';

export interface QueueItem {
  type: ItemType;
  id: number;
  piece_id: number;
  status: ContributionStatus | MentionStatus;
  /** Why it waits ("first_time", "links"…), for comments and responses. */
  held_reason: string | null;
  author_name: string;
  /** Editors only: the private email, so they can recognise a person. */
  author_email: string | null;
  author_website: string | null;
  title: string | null;
  body_html: string | null;
  excerpt: string | null;
  source_url: string | null;
  featured: number;
  created_at: string;
}

/**
 * One page of comments, responses and mentions in one status (held: oldest first; others newest
 * first). The three streams are merged, so each is read up to the page's end and the page cut
 * from the merge.
 */
export async function listQueue(db: Executor, status: 'held' | 'spam' | 'published', window: PageWindow): Promise<Page<QueueItem>> {
  const all = await listQueueHead(db, status, window.offset + window.limit);
  return toPage(all.slice(window.offset), window);
}

async function listQueueHead(db: Executor, status: 'held' | 'spam' | 'published', limit: number): Promise<QueueItem[]> {
  const [comments, responses, mentions] = await Promise.all([
    db
      .selectFrom('comments')
      .innerJoin('commenters', 'commenters.id', 'comments.commenter_id')
      .select(['comments.id', 'comments.piece_id', 'comments.status', 'comments.held_reason', 'comments.author_name', 'commenters.email', 'comments.author_website', 'comments.body_html', 'comments.created_at'])
      .where('comments.status', '=', status)
      .orderBy('comments.created_at', status === 'held' ? 'asc' : 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('responses')
      .innerJoin('commenters', 'commenters.id', 'responses.commenter_id')
      .select(['responses.id', 'responses.piece_id', 'responses.status', 'responses.held_reason', 'responses.author_name', 'commenters.email', 'responses.author_website', 'responses.title', 'responses.body_html', 'responses.featured', 'responses.created_at'])
      .where('responses.status', '=', status)
      .orderBy('responses.created_at', status === 'held' ? 'asc' : 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('mentions')
      .select(['id', 'piece_id', 'status', 'author_name', 'author_url', 'title', 'excerpt', 'source_url', 'created_at'])
      .where('status', '=', status)
      .orderBy('created_at', status === 'held' ? 'asc' : 'desc')
      .limit(limit)
      .execute(),
  ]);
  const items: QueueItem[] = [
    ...comments.map((c) => ({ type: 'comment' as const, id: c.id, piece_id: c.piece_id, status: c.status, held_reason: c.held_reason, author_name: c.author_name, author_email: c.email, author_website: c.author_website, title: null, body_html: c.body_html, excerpt: null, source_url: null, featured: 0, created_at: c.created_at })),
    ...responses.map((r) => ({ type: 'response' as const, id: r.id, piece_id: r.piece_id, status: r.status, held_reason: r.held_reason, author_name: r.author_name, author_email: r.email, author_website: r.author_website, title: r.title, body_html: r.body_html, excerpt: null, source_url: null, featured: r.featured, created_at: r.created_at })),
    ...mentions.map((m) => ({ type: 'mention' as const, id: m.id, piece_id: m.piece_id, status: m.status, held_reason: null, author_name: m.author_name ?? new URL(m.source_url).host, author_email: null, author_website: m.author_url, title: m.title, body_html: null, excerpt: m.excerpt, source_url: m.source_url, featured: 0, created_at: m.created_at })),
  ];
  return items.sort((a, b) => (status === 'held' ? a.created_at.localeCompare(b.created_at) : b.created_at.localeCompare(a.created_at)));
}

/** A comment as an editor edits it. */
export async function getCommentForEditing(db: Executor, id: number) {
  return db.selectFrom('comments').select(['id', 'piece_id', 'author_name', 'author_website', 'body_md', 'status']).where('id', '=', id).executeTakeFirst();
}

/** A response as an editor edits it. */
export async function getResponseForEditing(db: Executor, id: number) {
  return db.selectFrom('responses').select(['id', 'piece_id', 'author_name', 'author_website', 'title', 'body_md', 'status']).where('id', '=', id).executeTakeFirst();
}

/** What a moderation command needs of an item (its piece, status and who sent it). */
export async function getItemState(db: Executor, type: ItemType, id: number) {
  if (type === 'mention') {
    const row = await db.selectFrom('mentions').select(['id', 'piece_id', 'status']).where('id', '=', id).executeTakeFirst();
    return row ? { ...row, commenter_id: null, author_name: '', email: null, status: row.status } : undefined;
  }
  const table = type === 'comment' ? 'comments' : 'responses';
  return db
    .selectFrom(table)
    .innerJoin('commenters', 'commenters.id', `${table}.commenter_id`)
    .select([`${table}.id`, `${table}.piece_id`, `${table}.status`, `${table}.commenter_id`, `${table}.author_name`, 'commenters.email'])
    .where(`${table}.id`, '=', id)
    .executeTakeFirst();
}

/** The webmentions sent for our pieces' links, latest first (the editors' log). */
export async function listSentMentions(db: Executor, limit = 200) {
  return db
    .selectFrom('sent_mentions')
    .select(['id', 'piece_id', 'target_url', 'status', 'endpoint', 'http_status', 'error', 'attempts', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function getMention(db: Executor, id: number) {
  return db.selectFrom('mentions').select(['id', 'piece_id', 'source_url', 'target_url', 'protocol', 'status', 'requested_at', 'verified_at']).where('id', '=', id).executeTakeFirst();
}

export async function getMentionBySource(db: Executor, pieceId: number, sourceUrl: string) {
  return db.selectFrom('mentions').select(['id', 'status', 'requested_at', 'verified_at']).where('piece_id', '=', pieceId).where('source_url', '=', sourceUrl).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// What the effects need

/** A published comment with the piece's id, for the authors' email. */
export async function getCommentForNotice(db: Executor, id: number) {
  return db.selectFrom('comments').select(['id', 'piece_id', 'author_name', 'body_md', 'status']).where('id', '=', id).executeTakeFirst();
}

/**
 * Where a piece's authors are written to: the private email of each author credited on it (the
 * contributor's, else the account linked to the contributor). Read here rather than through the
 * contributors module, which exposes no email: only this effect needs one.
 */
export async function listAuthorContacts(db: Executor, pieceId: number): Promise<{ name: string; email: string; lang: 'fr' | 'en' }[]> {
  const rows = await db
    .selectFrom('contributions')
    .innerJoin('contributors', 'contributors.id', 'contributions.contributor_id')
    .leftJoin('users', 'users.contributor_id', 'contributors.id')
    .select(['contributors.name', 'contributors.email as contributor_email', 'users.email as user_email', 'users.locale'])
    .where('contributions.subject_type', '=', 'piece')
    .where('contributions.subject_id', '=', pieceId)
    .where('contributions.kind', 'in', ['author', 'interviewer'])
    .orderBy('contributions.position')
    .execute();
  const seen = new Set<string>();
  const out: { name: string; email: string; lang: 'fr' | 'en' }[] = [];
  for (const r of rows) {
    const email = r.contributor_email ?? r.user_email;
    if (!email || seen.has(email)) continue;
    seen.add(email);
    out.push({ name: r.name, email, lang: r.locale ?? 'fr' });
  }
  return out;
}

/** Published responses among `ids`, for contributor pages (the registry's subject resolver). */
export async function listPublishedResponses(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('responses').select(['id', 'piece_id', 'title', 'published_at']).where('id', 'in', ids).where('status', '=', 'published').execute();
}
