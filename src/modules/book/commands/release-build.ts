import type { CommandContext } from '../../../shared/command.ts';

/**
 * Hands a running build back because its process is stopping (a deploy, not a crash): its lease
 * ends now, so the next instance to look claims it at once, and the attempt is not counted
 * against it. Nothing it had produced is kept.
 */
export async function releaseBuild(ctx: CommandContext, input: { buildId: number }): Promise<void> {
  await ctx.db
    .updateTable('book_builds')
    .set((eb) => ({ locked_until: ctx.now.toISOString(), step: 'released', attempts: eb('attempts', '-', 1) }))
    .where('id', '=', input.buildId)
    .where('status', '=', 'running')
    .execute();
}
