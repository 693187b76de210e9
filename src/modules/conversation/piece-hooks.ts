/** What the conversation does when a piece is published, updated or withdrawn (a hook app.ts gives publishing). */
import type { AppDeps } from '../../app-deps.ts';
import type { PieceHook } from '../publishing/index.ts';
import { queueWebmentions } from './commands/queue-webmentions.ts';

/** Queues a webmention for each page of another site the piece links to (or linked to), unless SEND_WEBMENTIONS=false. */
export function webmentionHook(config: AppDeps['config']): PieceHook {
  return async ({ db, now, pieceId, key }) => {
    if (!config.sendWebmentions) return;
    await queueWebmentions({ db, actor: null, now }, { pieceId, key, baseUrl: config.baseUrl });
  };
}
