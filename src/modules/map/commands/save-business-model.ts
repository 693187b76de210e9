import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { SlugTakenError } from '../errors.ts';

export interface BusinessModelInput {
  /** null: a new business model. */
  id: number | null;
  slug: string;
  name_fr: string;
  name_en: string;
  position: number;
}

/** An editor adds a business model to the taxonomy, or renames or moves one. */
export async function saveBusinessModel(ctx: CommandContext, input: BusinessModelInput): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const { id: _id, ...values } = input;
    let q = tx.db.selectFrom('map_business_models').select('id').where('slug', '=', input.slug);
    if (input.id !== null) q = q.where('id', '!=', input.id);
    if (await q.executeTakeFirst()) throw new SlugTakenError(input.slug);
    let id = input.id;
    if (id === null) id = (await tx.db.insertInto('map_business_models').values(values).returning('id').executeTakeFirstOrThrow()).id;
    else await tx.db.updateTable('map_business_models').set(values).where('id', '=', id).execute();
    await audit(tx, { action: 'map.business_model.saved', subjectType: 'map_business_model', subjectId: id, data: { slug: input.slug } });
    return id;
  });
}
