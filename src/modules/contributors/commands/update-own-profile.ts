import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import type { ContributorLink } from '../domain/links.ts';
import { contributorsPolicy } from '../policy.ts';

export interface OwnProfileInput {
  name: string;
  bio: string;
  links: ContributorLink[];
  /** Whether the registry and the transparency pages may name them. */
  publicName: boolean;
}

/**
 * A contributor edits the public side of their own profile from their account: name, biography,
 * links, and whether they appear by name. The page's address, the private address and the photo
 * stay with the editors.
 */
export async function updateOwnProfile(ctx: CommandContext, input: OwnProfileInput): Promise<void> {
  const actor = contributorsPolicy.authorize(ctx.actor, 'editOwnProfile');
  const id = actor.contributorId;
  if (id === null) return;
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('contributors')
      .set({ name: input.name, bio: input.bio, links: JSON.stringify(input.links), public_name: input.publicName ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await audit(tx, { action: 'contributor.updated_by_self', subjectType: 'contributor', subjectId: id });
  });
}
