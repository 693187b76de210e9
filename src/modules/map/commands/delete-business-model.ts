import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { ModelInUseError } from '../errors.ts';
import { countModelUses } from '../queries/vocabulary.ts';

/** Removes a business model nobody uses (one still used is refused, with the count). */
export async function deleteBusinessModel(ctx: CommandContext, input: { id: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const uses = await countModelUses(tx.db, input.id);
    if (uses > 0) throw new ModelInUseError(uses);
    await tx.db.deleteFrom('map_business_models').where('id', '=', input.id).execute();
    await audit(tx, { action: 'map.business_model.deleted', subjectType: 'map_business_model', subjectId: input.id });
  });
}
