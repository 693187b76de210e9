import type { Db } from '../../../db/database.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { translator } from '../../../shared/i18n/index.ts';
import type { Mailer } from '../../../shared/mailer.ts';
import { recordEvent } from '../../audit/index.ts';
import { hashPassword } from '../password.ts';
import { issueToken } from './issue-token.ts';

export interface SignUpInput {
  email: string;
  displayName: string;
  password: string;
  lang: Lang;
}

/**
 * Creates a member account waiting for email confirmation and sends the link. An address already
 * registered gets a "you already have an account" email instead, so the form never reveals who
 * is registered.
 */
export async function signUp(deps: { db: Db; mailer: Mailer; baseUrl: string; now: Date }, input: SignUpInput) {
  const t = translator(input.lang);
  const passwordHash = await hashPassword(input.password);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) return { kind: 'exists' as const };
    const user = await trx
      .insertInto('users')
      .values({
        email: input.email,
        password_hash: passwordHash,
        display_name: input.displayName,
        role: 'member',
        email_confirmed_at: null,
        contributor_id: null,
        locale: input.lang,
        created_at: deps.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = await issueToken(trx, user.id, 'confirm_email', deps.now);
    await recordEvent(trx, { actorUserId: user.id, action: 'account.signed_up', subjectType: 'user', subjectId: user.id, now: deps.now });
    return { kind: 'created' as const, token, userId: user.id };
  });
  if (outcome.kind === 'created') {
    await deps.mailer.send({
      to: input.email,
      subject: t('mail.confirm.subject'),
      text: t('mail.confirm.body', { name: input.displayName, link: `${deps.baseUrl}/account/confirm/${outcome.token}` }),
    });
  } else {
    await deps.mailer.send({
      to: input.email,
      subject: t('mail.exists.subject'),
      text: t('mail.exists.body', { link: `${deps.baseUrl}/account/reset` }),
    });
  }
  return outcome.kind === 'created' ? { userId: outcome.userId } : null;
}
