import type { Executor } from '../../db/database.ts';

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: number | null;
  data?: Record<string, unknown>;
  now: Date;
}

/** Records who did what, in the caller's transaction, so the trail and the change commit together. */
export async function recordEvent(trx: Executor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      data: JSON.stringify(entry.data ?? {}),
      created_at: entry.now.toISOString(),
    })
    .execute();
}
