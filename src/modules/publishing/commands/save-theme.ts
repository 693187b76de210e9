import type { Executor } from '../../../db/database.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';

export interface ThemeInput {
  slug: string;
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  position: number;
}

/** Creates (id null) or updates a theme; slugs stay unique. */
export async function saveTheme(trx: Executor, id: number | null, input: ThemeInput, meta: { actorUserId: number | null; now: Date }): Promise<number> {
  let clash = trx.selectFrom('themes').select('id').where('slug', '=', input.slug);
  if (id !== null) clash = clash.where('id', '!=', id);
  if (await clash.executeTakeFirst()) throw new ValidationError({ slug: 'errors.slugTaken' });
  let themeId = id;
  if (themeId === null) {
    themeId = (await trx.insertInto('themes').values(input).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    const r = await trx.updateTable('themes').set(input).where('id', '=', themeId).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new ValidationError({ slug: 'errors.notFound' });
  }
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: id === null ? 'theme.created' : 'theme.updated', subjectType: 'theme', subjectId: themeId, now: meta.now });
  return themeId;
}
