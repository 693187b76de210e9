import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';

export interface ThemeInput {
  slug: string;
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  position: number;
}

/** Creates (id null) or updates a theme; slugs stay unique. Returns the theme's id. */
export async function saveTheme(ctx: CommandContext, input: ThemeInput & { id: number | null }): Promise<number> {
  const { id, ...theme } = input;
  return inTransaction(ctx, async (tx) => {
    let clash = tx.db.selectFrom('themes').select('id').where('slug', '=', theme.slug);
    if (id !== null) clash = clash.where('id', '!=', id);
    if (await clash.executeTakeFirst()) throw new ValidationError({ slug: 'errors.slugTaken' });
    let themeId = id;
    if (themeId === null) {
      themeId = (await tx.db.insertInto('themes').values(theme).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const r = await tx.db.updateTable('themes').set(theme).where('id', '=', themeId).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new ValidationError({ slug: 'errors.notFound' });
    }
    await audit(tx, { action: id === null ? 'theme.created' : 'theme.updated', subjectType: 'theme', subjectId: themeId });
    return themeId;
  });
}
