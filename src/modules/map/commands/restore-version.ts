import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { OrganisationFields } from '../domain/organisation.ts';
import { restoreVersion } from '../domain/versioning.ts';
import { NothingToRestoreError } from '../errors.ts';
import { listVersions } from '../queries/suggestions.ts';
import { writeOrganisation, type Written } from './write-organisation.ts';

/**
 * An editor restores an earlier version (after vandalism, a wrong merge…): its snapshot becomes
 * a new version, so the history keeps everything, the restore included.
 */
export async function restoreOrganisationVersion(ctx: CommandContext, input: { organisationId: number; number: number }): Promise<Written> {
  return inTransaction(ctx, async (tx) => {
    const versions = (await listVersions(tx.db, input.organisationId)).map((v) => ({ number: v.number, snapshot: JSON.parse(v.snapshot) as OrganisationFields }));
    if (!versions.some((v) => v.number === input.number)) throw new NotFoundError();
    const restored = restoreVersion(versions, input.number);
    if (!restored) throw new NothingToRestoreError();
    return writeOrganisation(tx, { organisationId: input.organisationId, fields: restored.snapshot, note: `restored version ${input.number}` });
  });
}
