/** Who did what: written in the command's own transaction, so the trail and the change commit together. */
import { actorId, type CommandContext } from '../../shared/command.ts';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: number | null;
  data?: Record<string, unknown>;
  /** Who acted when it is not the context's actor (a person signing up is nobody yet). */
  actorUserId?: number | null;
}

/** Records an audit event as the context's actor, at the context's time, in the context's transaction. */
export async function audit(ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await ctx.db
    .insertInto('audit_events')
    .values({
      actor_user_id: entry.actorUserId !== undefined ? entry.actorUserId : actorId(ctx),
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      data: JSON.stringify(entry.data ?? {}),
      created_at: ctx.now.toISOString(),
    })
    .execute();
}

/** TRANSITIONAL (issue 7): the old signature, until every module calls `audit(ctx, entry)`. */
export async function recordEvent(
  trx: CommandContext['db'],
  entry: { actorUserId: number | null; action: string; subjectType: string; subjectId: number | null; data?: Record<string, unknown>; now: Date },
): Promise<void> {
  await audit({ db: trx, actor: null, now: entry.now }, { action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, data: entry.data ?? {}, actorUserId: entry.actorUserId });
}
