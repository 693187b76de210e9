import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { BASIS_POINTS } from '../domain/allocation.ts';
import { ledgerPolicy } from '../policy.ts';
import { VISUALS_SPLIT_SETTING } from '../queries/settings.ts';

/** Sets how an evening's surplus is split: the visuals fund's share in basis points, book editing gets the rest. */
export async function setVisualsSplit(ctx: CommandContext, input: { basisPoints: number }): Promise<void> {
  const actor = ledgerPolicy.authorize(ctx.actor, 'closeEvent');
  const { basisPoints } = input;
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > BASIS_POINTS) throw new ValidationError({ visuals_percent: 'errors.invalid' });
  await inTransaction(ctx, async (tx) => {
    const values = { value: String(basisPoints), updated_by: actor.id, updated_at: tx.now.toISOString() };
    await tx.db
      .insertInto('settings')
      .values({ key: VISUALS_SPLIT_SETTING, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
    await audit(tx, { action: 'ledger.split_changed', subjectType: 'settings', subjectId: null, data: { basisPoints } });
  });
}
