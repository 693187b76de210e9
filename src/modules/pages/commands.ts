import type { Db, Executor } from '../../db/database.ts';
import { translator } from '../../shared/i18n/index.ts';
import type { Mailer } from '../../shared/mailer.ts';
import { renderMarkdown } from '../../shared/markdown.ts';
import { recordEvent } from '../audit/index.ts';

export interface PageInput {
  title_fr: string;
  body_md_fr: string;
  title_en: string;
  body_md_en: string;
}

/** Writes an editable page in both languages (creating it the first time). */
export async function savePage(trx: Executor, slug: string, input: PageInput, meta: { actorUserId: number | null; now: Date }) {
  const values = {
    ...input,
    body_html_fr: renderMarkdown(input.body_md_fr),
    body_html_en: renderMarkdown(input.body_md_en),
    updated_at: meta.now.toISOString(),
    updated_by: meta.actorUserId,
  };
  const existing = await trx.selectFrom('pages').select('slug').where('slug', '=', slug).executeTakeFirst();
  if (existing) await trx.updateTable('pages').set(values).where('slug', '=', slug).execute();
  else await trx.insertInto('pages').values({ slug, ...values }).execute();
  await recordEvent(trx, { actorUserId: meta.actorUserId, action: 'page.saved', subjectType: `page:${slug}`, subjectId: null, now: meta.now });
}

/** A visitor writes to the editors: the message lands in the inbox, and a notice goes out if configured. */
export async function sendContactMessage(
  deps: { db: Db; mailer: Mailer; now: Date; baseUrl: string; editorsEmail?: string | undefined },
  input: { name: string; email: string; subject: string; body: string },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('messages')
      .values({ ...input, created_at: deps.now.toISOString(), read_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { actorUserId: null, action: 'message.received', subjectType: 'message', subjectId: id, now: deps.now });
  });
  if (deps.editorsEmail) {
    const t = translator('fr');
    await deps.mailer.send({
      to: deps.editorsEmail,
      replyTo: input.email,
      subject: t('mail.contact.subject', { subject: input.subject }),
      text: t('mail.contact.body', { name: input.name, body: input.body, link: `${deps.baseUrl}/editor/inbox` }),
    });
  }
}

export async function markMessageRead(trx: Executor, id: number, meta: { actorUserId: number; now: Date }) {
  await trx.updateTable('messages').set({ read_at: meta.now.toISOString() }).where('id', '=', id).where('read_at', 'is', null).execute();
}
