import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import { audit } from '../../audit/index.ts';

export interface PageInput {
  slug: string;
  title_fr: string;
  body_md_fr: string;
  title_en: string;
  body_md_en: string;
}

/** Writes an editable page in both languages (creating it the first time). */
export async function savePage(ctx: CommandContext, input: PageInput): Promise<void> {
  const { slug, ...texts } = input;
  await inTransaction(ctx, async (tx) => {
    const values = {
      ...texts,
      body_html_fr: renderMarkdown(texts.body_md_fr),
      body_html_en: renderMarkdown(texts.body_md_en),
      updated_at: tx.now.toISOString(),
      updated_by: tx.actor?.id ?? null,
    };
    const existing = await tx.db.selectFrom('pages').select('slug').where('slug', '=', slug).executeTakeFirst();
    if (existing) await tx.db.updateTable('pages').set(values).where('slug', '=', slug).execute();
    else await tx.db.insertInto('pages').values({ slug, ...values }).execute();
    await audit(tx, { action: 'page.saved', subjectType: `page:${slug}`, subjectId: null });
  });
}
