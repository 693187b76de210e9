import { inTransaction, type CommandContext, type TxContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import { slugAlternatives, slugify } from '../../../shared/slug.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { setCredits, type Credit } from '../../contributors/index.ts';
import { storeImage } from '../../media/index.ts';
import type { PieceKind } from '../domain/kinds.ts';
import type { PieceSnapshot } from '../domain/revision.ts';
import { SlugTakenError } from '../domain/slugs.ts';
import { pieceChanged } from '../effects.ts';
import { publishingPolicy } from '../policy.ts';
import { getPieceState, slugTaken, takenSlugsLike } from '../queries.ts';
import { writeRevision } from './write-revision.ts';

export interface PieceInput {
  kind: PieceKind;
  title: string;
  slug: string;
  summary: string;
  body_md: string;
  language: Lang;
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
  /** The revision's note; empty: the names of the fields that changed. */
  note?: string | undefined;
}

/** Themes and contributors come from form values: unknown ids are a validation error, not a 500. */
async function assertReferencesExist(tx: TxContext, input: PieceInput): Promise<void> {
  if (input.themes.length) {
    const found = await tx.db.selectFrom('themes').select('id').where('id', 'in', input.themes).execute();
    if (found.length !== new Set(input.themes).size) throw new ValidationError({ themes: 'errors.invalid' });
  }
  const contributorIds = [...new Set(input.credits.map((c) => c.contributorId))];
  if (contributorIds.length) {
    const found = await tx.db.selectFrom('contributors').select('id').where('id', 'in', contributorIds).execute();
    if (found.length !== contributorIds.length) throw new ValidationError({ credits: 'errors.invalid' });
  }
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
    await assertReferencesExist(tx, input);

    let coverId = input.removeCover ? null : (existing?.cover_media_id ?? null);
    if (input.cover) coverId = await storeImage(tx, { field: 'cover', file: input.cover });

    const fields = {
      kind: input.kind,
      slug,
      title: input.title,
      summary: input.summary,
      body_md: input.body_md,
      language: input.language,
      licence: input.licence,
      cover_media_id: coverId,
      cover_alt: input.cover_alt,
    };
    const values = { ...fields, body_html: renderMarkdown(input.body_md), updated_at: tx.now.toISOString() };
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
