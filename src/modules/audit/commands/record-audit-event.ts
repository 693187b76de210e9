import { actorId, type CommandContext } from '../../../shared/command.ts';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: number | null;
  data?: Record<string, unknown>;
  /** Who acted when it is not the context's actor (a person signing up is nobody yet). */
  actorUserId?: number | null;
}

/** Records an audit event as the context's actor, at the context's time, in the context's transaction. */
export async function recordAuditEvent(ctx: CommandContext, entry: AuditEntry): Promise<void> {
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
