import { inTransaction, type CommandContext, type TxContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { foreignImages, renderMarkdown } from '../../../shared/markdown.ts';
import { slugAlternatives, slugify } from '../../../shared/slug.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { listCreditableContributors, setCredits, type Credit } from '../../contributors/index.ts';
import type { Actor } from '../../../shared/actor.ts';
import { mediaIdsOfKeys, mediaKeysIn, mediaKeysOf, mediaUrl, storeImage } from '../../media/index.ts';
import type { PieceKind } from '../domain/kinds.ts';
import type { PieceSnapshot } from '../domain/revision.ts';
import { SlugTakenError } from '../domain/slugs.ts';
import { translationTarget } from '../domain/translation.ts';
import { pieceChanged } from '../effects.ts';
import { publishingPolicy } from '../policy.ts';
import { getPieceState, slugTaken, takenSlugsLike } from '../queries.ts';
import { getTranslationCandidate } from '../queries/translations.ts';
import { writeRevision } from './write-revision.ts';

export interface PieceInput {
  kind: PieceKind;
  title: string;
  slug: string;
  summary: string;
  body_md: string;
  language: Lang;
  /** The slug of the piece this one translates: '' makes it an original; absent leaves it as it is. */
  translation_of?: string | undefined;
  licence: string;
  cover_alt: string;
  themes: number[];
  credits: Credit[];
  removeCover?: boolean;
}

export interface SavePieceInput extends PieceInput {
  /** The piece to update; none: a new draft. */
  id?: number | undefined;
  /** A new cover image (its bytes are checked to be an image). */
  cover?: { data: Buffer } | undefined;
  /** An image for the text: stored, and added at the end of the text (the author moves it where it belongs). */
  image?: { data: Buffer } | undefined;
  /** Its description, for readers who do not see it. */
  imageAlt?: string | undefined;
  /** The revision's note; empty: the names of the fields that changed. */
  note?: string | undefined;
}

/** Which stored files the piece shows (its cover, the images of its text): they are public while it is. */
async function recordShownMedia(tx: TxContext, input: { pieceId: number; coverId: number | null; bodyMd: string }): Promise<void> {
  const ids = new Set((await mediaIdsOfKeys(tx.db, mediaKeysIn(input.bodyMd))).values());
  if (input.coverId !== null) ids.add(input.coverId);
  await tx.db.deleteFrom('piece_media').where('piece_id', '=', input.pieceId).execute();
  if (ids.size) await tx.db.insertInto('piece_media').values([...ids].map((media_id) => ({ piece_id: input.pieceId, media_id }))).execute();
}

/**
 * Themes and contributors come from form values: unknown ids are a validation error, not a 500.
 * A writer who is not an editor may credit only whom their picker offers (listCreditableContributors):
 * an id typed by hand finds no one else, and tells nothing about who exists.
 */
async function assertReferencesExist(tx: TxContext, actor: Actor, input: PieceInput, existing: { credits: { contributorId: number }[] } | undefined): Promise<void> {
  if (input.themes.length) {
    const found = await tx.db.selectFrom('themes').select('id').where('id', 'in', input.themes).execute();
    if (found.length !== new Set(input.themes).size) throw new ValidationError({ themes: 'errors.invalid' });
  }
  const contributorIds = [...new Set(input.credits.map((c) => c.contributorId))];
  if (contributorIds.length) {
    const creditable = await listCreditableContributors(tx.db, {
      now: tx.now,
      everyone: publishingPolicy.can(actor, 'editAny'),
      ownId: actor.contributorId,
      keepIds: existing?.credits.map((c) => c.contributorId) ?? [],
      among: contributorIds,
    });
    const allowed = new Set(creditable.map((c) => c.id));
    if (!contributorIds.every((id) => allowed.has(id))) throw new ValidationError({ credits: 'errors.invalid' });
  }
}

/** The original a piece translates (by the slug typed in the form), null for an original, undefined to leave it. */
async function originalOf(tx: TxContext, piece: { id: number | null; language: Lang }, slug: string | undefined): Promise<number | null | undefined> {
  if (slug === undefined) return undefined;
  if (slug.trim() === '') return null;
  const original = await getTranslationCandidate(tx.db, slug.trim().toLowerCase());
  if (!original) throw new ValidationError({ translation_of: 'piece.translationUnknown' });
  const target = translationTarget(piece, original);
  if ('refused' in target) throw new ValidationError({ translation_of: target.refused });
  return target.originalId;
}

/**
 * Creates or updates a piece with its themes and ordered credits, renders its Markdown once, and
 * records a revision — all in one transaction.
 */
export async function savePiece(ctx: CommandContext, input: SavePieceInput): Promise<{ id: number; slug: string }> {
  const actor = publishingPolicy.authorize(ctx.actor, 'write');
  const slug = input.slug || slugify(input.title) || 'piece';
  return inTransaction(ctx, async (tx) => {
    const existing = input.id ? await getPieceState(tx.db, input.id) : undefined;
    if (input.id && !existing) throw new NotFoundError();
    if (existing) publishingPolicy.authorize(actor, 'edit', existing);
    if (await slugTaken(tx.db, slug, existing?.id)) throw new SlugTakenError(slugAlternatives(slug, await takenSlugsLike(tx.db, slug)));
    await assertReferencesExist(tx, actor, input, existing);
    // Images are the site's own: a reader's browser never calls another site (docs/decisions/005-security.md).
    if (foreignImages(input.body_md).length > 0) throw new ValidationError({ body_md: 'piece.foreignImages' });

    let coverId = input.removeCover ? null : (existing?.cover_media_id ?? null);
    if (input.cover) coverId = await storeImage(tx, { field: 'cover', file: input.cover });
    let bodyMd = input.body_md;
    if (input.image) {
      const imageId = await storeImage(tx, { field: 'image', file: input.image });
      const key = (await mediaKeysOf(tx.db, [imageId])).get(imageId)!;
      const alt = (input.imageAlt ?? '').replace(/[[\]\n]/g, ' ').trim();
      bodyMd = `${bodyMd.trimEnd()}\n\n![${alt}](${mediaUrl(key)})\n`;
    }

    const fields = {
      kind: input.kind,
      slug,
      title: input.title,
      summary: input.summary,
      body_md: bodyMd,
      language: input.language,
      licence: input.licence,
      cover_media_id: coverId,
      cover_alt: input.cover_alt,
    };
    const translationOf = await originalOf(tx, { id: existing?.id ?? null, language: input.language }, input.translation_of);
    const values = { ...fields, ...(translationOf !== undefined ? { translation_of: translationOf } : {}), body_html: renderMarkdown(bodyMd), updated_at: tx.now.toISOString() };
    let id: number;
    if (existing) {
      id = existing.id;
      await tx.db.updateTable('pieces').set(values).where('id', '=', id).execute();
    } else {
      ({ id } = await tx.db
        .insertInto('pieces')
        .values({ ...values, status: 'draft', published_at: null, review_feedback: null, proposal_id: null, created_by: actor.id, created_at: tx.now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow());
    }

    // A text that becomes a translation takes its own translations along to its original.
    if (translationOf) await tx.db.updateTable('pieces').set({ translation_of: translationOf }).where('translation_of', '=', id).execute();
    await recordShownMedia(tx, { pieceId: id, coverId, bodyMd });
    await tx.db.deleteFrom('piece_themes').where('piece_id', '=', id).execute();
    if (input.themes.length) {
      await tx.db.insertInto('piece_themes').values(input.themes.map((theme_id) => ({ piece_id: id, theme_id }))).execute();
    }
    // A contributor writing their own piece is credited as its author unless they credited themselves otherwise.
    let credits = input.credits;
    if (!publishingPolicy.can(actor, 'editAny') && actor.contributorId !== null && !credits.some((c) => c.contributorId === actor.contributorId)) {
      credits = [{ contributorId: actor.contributorId, kind: 'author' }, ...credits];
    }
    const publishedAt = existing?.status === 'published' ? existing.published_at : null;
    await setCredits(tx, { subject: { type: 'piece', id }, credits, acceptedAt: publishedAt });

    const snapshot: PieceSnapshot = { ...fields, themes: input.themes, credits };
    const revision = await writeRevision(tx, { pieceId: id, snapshot, note: input.note ?? '' });
    await audit(tx, { action: existing ? 'piece.updated' : 'piece.created', subjectType: 'piece', subjectId: id, data: { revision } });
    // A published piece changed: its readers elsewhere (webmentions, the search index) are told once it is out.
    if (existing?.status === 'published' && publishedAt && revision !== null) {
      await emit(tx, pieceChanged, { pieceId: id, change: 'updated' }, { key: `${id}:updated:${revision}`, notBefore: new Date(publishedAt) });
    }
    return { id, slug };
  });
}
