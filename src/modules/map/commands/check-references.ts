import type { TxContext } from '../../../shared/command.ts';
import { listPublishedRefs, listThemes } from '../../publishing/index.ts';
import type { OrganisationFields } from '../domain/organisation.ts';
import { UnknownReferenceError } from '../errors.ts';

/** Themes and business models must exist; case studies must be published pieces (refused on their field). */
export async function checkReferences(ctx: TxContext, input: Pick<OrganisationFields, 'theme_ids' | 'model_ids' | 'piece_ids'>): Promise<void> {
  if (input.theme_ids.length) {
    const known = new Set((await listThemes(ctx.db)).map((t) => t.id));
    if (!input.theme_ids.every((id) => known.has(id))) throw new UnknownReferenceError('themes');
  }
  if (input.model_ids.length) {
    const rows = await ctx.db.selectFrom('map_business_models').select('id').where('id', 'in', input.model_ids).execute();
    if (rows.length !== new Set(input.model_ids).size) throw new UnknownReferenceError('models');
  }
  if (input.piece_ids.length) {
    const published = await listPublishedRefs(ctx.db, ctx.now, input.piece_ids);
    if (published.length !== new Set(input.piece_ids).size) throw new UnknownReferenceError('pieces');
  }
}
