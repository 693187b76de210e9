import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';

/** One person credited on a subject, with what they did ('author', 'talk'…). */
export interface Credit {
  contributorId: number;
  kind: string;
}

/**
 * Replaces the credits of one subject with an ordered list. Credits already there keep their
 * acceptance date; new ones take `acceptedAt` (null until the subject is accepted).
 */
export async function setCredits(
  ctx: CommandContext,
  input: { subject: { type: string; id: number }; credits: Credit[]; acceptedAt: string | null },
): Promise<void> {
  const { subject } = input;
  await inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom('contributions')
      .select(['id', 'contributor_id', 'kind', 'position'])
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .execute();
    const key = (c: Credit) => `${c.contributorId}:${c.kind}`;
    const wanted = new Map(input.credits.map((c, position) => [key(c), { ...c, position }]));
    const removed: Credit[] = [];
    let moved = 0;
    for (const row of existing) {
      const credit = { contributorId: row.contributor_id, kind: row.kind };
      const w = wanted.get(key(credit));
      if (!w) {
        await tx.db.deleteFrom('contributions').where('id', '=', row.id).execute();
        removed.push(credit);
        continue;
      }
      if (row.position !== w.position) {
        await tx.db.updateTable('contributions').set({ position: w.position }).where('id', '=', row.id).execute();
        moved++;
      }
      wanted.delete(key(credit));
    }
    for (const c of wanted.values()) {
      await tx.db
        .insertInto('contributions')
        .values({
          contributor_id: c.contributorId,
          kind: c.kind,
          subject_type: subject.type,
          subject_id: subject.id,
          position: c.position,
          accepted_at: input.acceptedAt,
          created_at: tx.now.toISOString(),
        })
        .execute();
    }
    const added = [...wanted.values()].map(({ contributorId, kind }) => ({ contributorId, kind }));
    if (added.length || removed.length || moved) {
      await audit(tx, { action: 'credits.set', subjectType: subject.type, subjectId: subject.id, data: { added, removed } });
    }
  });
}
