import type { CommandContext } from '../../../shared/command.ts';

/**
 * Records how far a build is and renews its lease (a heartbeat). False when the build is no longer
 * this process's (its lease ran out and another took it): the caller stops.
 */
export async function reportBuildProgress(ctx: CommandContext, input: { buildId: number; progress: number; step: string; leaseUntil: Date }): Promise<boolean> {
  const result = await ctx.db
    .updateTable('book_builds')
    .set({ progress: Math.max(0, Math.min(100, Math.round(input.progress))), step: input.step.slice(0, 200), locked_until: input.leaseUntil.toISOString() })
    .where('id', '=', input.buildId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
