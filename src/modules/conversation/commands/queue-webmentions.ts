import { createHash } from 'node:crypto';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { emit } from '../../../outbox/index.ts';
import { listPublicPieces } from '../../publishing/index.ts';
import { isReservedHost, parseWebUrl } from '../domain/mention-urls.ts';
import { sendWebmention } from '../effects.ts';
import { readPageLinks } from '../remote/html-links.ts';

/** A piece names at most this many other sites' pages worth notifying. */
export const MAX_TARGETS = 50;

/**
 * A piece was published, updated or withdrawn: every page of another site it links to — and every
 * page it linked to before, so a removed link is noticed too — is queued for a webmention, one
 * effect per link (each retried on its own). Links to this site and to reserved domains
 * (example.org…) are left out.
 */
export async function queueWebmentions(ctx: CommandContext, input: { pieceId: number; key: string; baseUrl: string }): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const base = new URL(input.baseUrl);
    const [piece] = await listPublicPieces(tx.db, tx.now, { ids: [input.pieceId], limit: 1 });
    const previous = await tx.db.selectFrom('sent_mentions').select(['target_url', 'source_url']).where('piece_id', '=', input.pieceId).execute();
    const source = piece ? `${input.baseUrl}/pieces/${piece.slug}` : previous[0]?.source_url;
    if (!source) return 0;
    const targets = new Set<string>(previous.map((p) => p.target_url));
    if (piece) {
      for (const raw of readPageLinks(piece.body_html).links) {
        const url = parseWebUrl(raw);
        if (!url || url.host.toLowerCase() === base.host.toLowerCase() || isReservedHost(url.hostname)) continue;
        url.hash = '';
        if (targets.size >= MAX_TARGETS) break;
        targets.add(url.href);
      }
    }
    for (const target of targets) {
      await tx.db
        .insertInto('sent_mentions')
        .values({ piece_id: input.pieceId, source_url: source, target_url: target, status: 'queued', endpoint: null, http_status: null, error: null, updated_at: tx.now.toISOString() })
        .onConflict((oc) => oc.columns(['piece_id', 'target_url']).doUpdateSet({ source_url: source, status: 'queued', updated_at: tx.now.toISOString() }))
        .execute();
      const digest = createHash('sha256').update(target).digest('hex').slice(0, 16);
      await emit(tx, sendWebmention, { pieceId: input.pieceId, source, target }, { key: `${input.key}:${digest}` });
    }
    return targets.size;
  });
}
