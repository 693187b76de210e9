import type { Executor } from '../../../db/database.ts';

export interface Credit {
  contributorId: number;
  kind: string;
}

/**
 * Replaces the credits of one subject with an ordered list. Credits already accepted keep their
 * acceptance date; new ones take `acceptedAt` (null until the subject is accepted).
 */
export async function setCredits(
  trx: Executor,
  subject: { type: string; id: number },
  credits: Credit[],
  meta: { now: Date; acceptedAt: string | null },
): Promise<void> {
  const existing = await trx
    .selectFrom('contributions')
    .select(['id', 'contributor_id', 'kind', 'accepted_at'])
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
  const key = (c: { contributorId: number; kind: string }) => `${c.contributorId}:${c.kind}`;
  const wanted = new Map(credits.map((c, position) => [key(c), { ...c, position }]));
  for (const row of existing) {
    const k = key({ contributorId: row.contributor_id, kind: row.kind });
    const w = wanted.get(k);
    if (!w) await trx.deleteFrom('contributions').where('id', '=', row.id).execute();
    else {
      await trx.updateTable('contributions').set({ position: w.position }).where('id', '=', row.id).execute();
      wanted.delete(k);
    }
  }
  for (const c of wanted.values()) {
    await trx
      .insertInto('contributions')
      .values({
        contributor_id: c.contributorId,
        kind: c.kind,
        subject_type: subject.type,
        subject_id: subject.id,
        position: c.position,
        accepted_at: meta.acceptedAt,
        created_at: meta.now.toISOString(),
      })
      .execute();
  }
}

/** Accepts (or, with null, withdraws) every contribution to a subject: the registry counts accepted ones. */
export async function setContributionsAccepted(
  trx: Executor,
  subject: { type: string; id: number },
  acceptedAt: string | null,
): Promise<void> {
  await trx
    .updateTable('contributions')
    .set({ accepted_at: acceptedAt })
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
}
