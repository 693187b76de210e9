import type { Executor } from '../../db/database.ts';

/**
 * Whether a module shows a stored image publicly right now (a published piece's cover, a public
 * contributor's photo…). app.ts hands the media plugin one check per module that shows images.
 */
export type MediaShownCheck = (db: Executor, mediaId: number, now: Date) => Promise<boolean>;
