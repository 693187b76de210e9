import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';

/**
 * Someone proved an address is theirs (they followed a link sent to it) after being credited on a
 * profile of their own making (`profileId`, made when their proposal was accepted before they
 * confirmed). If the registry already knows that address, the credits move to that profile —
 * the person's real one; otherwise the profile takes the address, so later matches find it.
 * Returns the profile that now holds the credits.
 */
export async function claimProfileByEmail(ctx: CommandContext, input: { profileId: number; email: string }): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const owner = await tx.db.selectFrom('contributors').select('id').where('email', '=', input.email).where('id', '!=', input.profileId).orderBy('id').executeTakeFirst();
    if (!owner) {
      await tx.db.updateTable('contributors').set({ email: input.email }).where('id', '=', input.profileId).where('email', 'is', null).execute();
      return input.profileId;
    }
    // The same subject credited to both profiles keeps one credit, the owner's.
    const ownerSubjects = await tx.db.selectFrom('contributions').select(['subject_type', 'subject_id']).where('contributor_id', '=', owner.id).execute();
    const taken = new Set(ownerSubjects.map((s) => `${s.subject_type}:${s.subject_id}`));
    const moving = await tx.db.selectFrom('contributions').select(['id', 'subject_type', 'subject_id']).where('contributor_id', '=', input.profileId).execute();
    for (const c of moving) {
      if (taken.has(`${c.subject_type}:${c.subject_id}`)) await tx.db.deleteFrom('contributions').where('id', '=', c.id).execute();
      else await tx.db.updateTable('contributions').set({ contributor_id: owner.id }).where('id', '=', c.id).execute();
    }
    await audit(tx, { action: 'contributor.credits_claimed', subjectType: 'contributor', subjectId: owner.id, data: { from: input.profileId, moved: moving.length } });
    return owner.id;
  });
}
