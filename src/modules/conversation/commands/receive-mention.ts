import { randomBytes } from 'node:crypto';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { listPublicPieces } from '../../publishing/index.ts';
import { parseWebUrl, pieceSlugOf, sameDocument } from '../domain/mention-urls.ts';
import type { MentionProtocol } from '../domain/statuses.ts';
import { verifyMention } from '../effects.ts';
import { MentionRefusedError } from '../errors.ts';
import { getMentionBySource } from '../queries.ts';

export interface MentionRequest {
  source: string;
  target: string;
  protocol: MentionProtocol;
  /** This site's base URL: a target must be one of its pieces. */
  baseUrl: string;
}

/** Each request is checked on its own (two in the same millisecond are still two requests). */
const requestKey = (mentionId: number, at: string) => `${mentionId}:${at}:${randomBytes(4).toString('hex')}`;

/** A source asked again within this time while its verification is still waiting is not fetched twice. */
const COALESCE_MS = 60_000;

/**
 * Another site says one of its pages links to one of our pieces (a webmention or a pingback).
 * What can be checked without fetching is checked now — both are web URLs, they differ, the target
 * is a published piece of ours — and the mention is recorded as pending; fetching the source and
 * deciding happen in the outbox (verifyMention), so the request never waits on another site.
 */
export async function receiveMention(ctx: CommandContext, input: MentionRequest): Promise<{ mentionId: number; queued: boolean }> {
  const source = parseWebUrl(input.source);
  if (!source) throw new MentionRefusedError('source_invalid');
  const target = parseWebUrl(input.target);
  if (!target) throw new MentionRefusedError('target_invalid');
  if (sameDocument(source, target)) throw new MentionRefusedError('same_url');
  const slug = pieceSlugOf(target, new URL(input.baseUrl));
  if (slug === null) throw new MentionRefusedError(target.host.toLowerCase() === new URL(input.baseUrl).host.toLowerCase() ? 'target_not_piece' : 'target_not_found');
  source.hash = '';
  return inTransaction(ctx, async (tx) => {
    const [piece] = await listPublicPieces(tx.db, tx.now, { slug, limit: 1 });
    if (!piece) throw new MentionRefusedError('target_not_found');
    const at = tx.now.toISOString();
    const existing = await getMentionBySource(tx.db, piece.id, source.href);
    if (existing && input.protocol === 'pingback' && existing.status !== 'pending') throw new MentionRefusedError('already_registered');
    if (existing) {
      const waiting = existing.verified_at === null || existing.verified_at < existing.requested_at;
      if (waiting && tx.now.getTime() - Date.parse(existing.requested_at) < COALESCE_MS) return { mentionId: existing.id, queued: false };
      await tx.db.updateTable('mentions').set({ target_url: target.href, requested_at: at, updated_at: at }).where('id', '=', existing.id).execute();
      await emit(tx, verifyMention, { mentionId: existing.id }, { key: requestKey(existing.id, at) });
      return { mentionId: existing.id, queued: true };
    }
    const { id } = await tx.db
      .insertInto('mentions')
      .values({
        piece_id: piece.id,
        source_url: source.href,
        target_url: target.href,
        protocol: input.protocol,
        status: 'pending',
        author_name: null,
        author_url: null,
        title: null,
        excerpt: null,
        source_published_at: null,
        requested_at: at,
        verified_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'mention.received', subjectType: 'mention', subjectId: id, data: { protocol: input.protocol, pieceId: piece.id } });
    await emit(tx, verifyMention, { mentionId: id }, { key: requestKey(id, at) });
    return { mentionId: id, queued: true };
  });
}
