/** Refusals about a piece's address: the slug is one per piece. */
import { AppError, ValidationError } from '../../../shared/errors.ts';

/** A taken slug is a choice for the person, not a crash: the error carries free alternatives. */
export class SlugTakenError extends ValidationError {
  constructor(public readonly alternatives: string[]) {
    super({ slug: 'errors.slugTaken' });
  }
}

/** An older revision cannot come back when another piece has taken its address since. */
export class RevisionSlugTakenError extends AppError {
  constructor(slug: string) {
    super('revision_slug_taken', 409, 'revisions.restoreFailed', `slug ${slug}`);
  }
}
