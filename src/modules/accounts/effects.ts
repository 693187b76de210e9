/**
 * The emails of the accounts module, emitted by its commands and delivered by the outbox. The
 * payloads hold ids and the language only: the single-use link token is issued by the handler
 * when the email leaves, so no secret ever waits in the outbox table.
 */
import type { AppDeps } from '../../app-deps.ts';
import { defineEffect, PermanentFailure, type Delivery, type EffectHandlers } from '../../outbox/index.ts';
import { localisePath, translator, type Lang } from '../../shared/i18n/index.ts';
import { issueToken, type TokenPurpose } from './commands/issue-token.ts';
import { recordResetRequested } from './commands/record-reset-requested.ts';
import { getMailRecipient, getPendingEmail, getUserIdByEmail } from './queries.ts';

interface AccountEmail {
  userId: number;
  lang: Lang;
}

/** The link that confirms a new account's address. */
export const sendConfirmation = defineEffect<AccountEmail>('accounts.send_confirmation');
/** Someone tried to sign up with an address that already has an account: its owner is told, and nobody else. */
export const sendAccountExists = defineEffect<AccountEmail>('accounts.account_exists');
/**
 * The link to choose a new password, to whatever account the address has (if any: a request
 * never looks, see requestPasswordReset). `userId` is the shape of rows written before.
 */
export const sendPasswordReset = defineEffect<{ email: string; lang: Lang } | AccountEmail>('accounts.send_password_reset');

/** The link that moves an account to the new address it asked for, sent to that new address. */
export const sendEmailChange = defineEffect<AccountEmail>('accounts.send_email_change');

/** Tells the previous address that the account moved away from it (so a takeover does not go unnoticed). */
export const sendEmailChanged = defineEffect<{ previous: string; lang: Lang }>('accounts.email_changed');

export function handleAccountsEffects(effects: EffectHandlers, deps: Pick<AppDeps, 'config' | 'mailer'>): void {
  const recipientOf = async (delivery: Delivery, userId: number) => {
    const user = await getMailRecipient(delivery.db, userId);
    if (!user) throw new PermanentFailure(`account ${userId} does not exist`);
    return user;
  };
  /** A fresh single-use link, issued now by the system (each attempt issues its own; unused ones expire), in the recipient's language. */
  const linkFor = async (delivery: Delivery, userId: number, purpose: TokenPurpose, path: string, lang: Lang) => {
    const token = await issueToken({ db: delivery.db, actor: null, now: delivery.now }, { userId, purpose });
    return `${deps.config.baseUrl}${localisePath(`/account/${path}/${token}`, lang)}`;
  };

  effects.handle(sendConfirmation, async ({ userId, lang }, delivery) => {
    const user = await recipientOf(delivery, userId);
    // Confirmed in the meantime (following a reset link proves the address too): nothing left to confirm.
    if (user.email_confirmed_at) return;
    const t = translator(lang);
    const link = await linkFor(delivery, userId, 'confirm_email', 'confirm', lang);
    await deps.mailer.send({ to: user.email, subject: t('mail.confirm.subject'), text: t('mail.confirm.body', { name: user.display_name, link }), messageKey: delivery.key });
  });

  effects.handle(sendAccountExists, async ({ userId, lang }, delivery) => {
    const user = await recipientOf(delivery, userId);
    const t = translator(lang);
    const link = `${deps.config.baseUrl}${localisePath('/account/reset', lang)}`;
    await deps.mailer.send({ to: user.email, subject: t('mail.exists.subject'), text: t('mail.exists.body', { link }), messageKey: delivery.key });
  });

  effects.handle(sendEmailChange, async ({ userId, lang }, delivery) => {
    const user = await getPendingEmail(delivery.db, userId);
    // Confirmed, replaced or the account deleted in the meantime: nothing to send.
    if (!user?.pending_email) return;
    const t = translator(lang);
    const link = await linkFor(delivery, userId, 'change_email', 'email', lang);
    await deps.mailer.send({ to: user.pending_email, subject: t('mail.emailChange.subject'), text: t('mail.emailChange.body', { name: user.display_name, link }), messageKey: delivery.key });
  });

  effects.handle(sendEmailChanged, async ({ previous, lang }, delivery) => {
    const t = translator(lang);
    await deps.mailer.send({ to: previous, subject: t('mail.emailChanged.subject'), text: t('mail.emailChanged.body', { link: `${deps.config.baseUrl}/contact` }), messageKey: delivery.key });
  });

  effects.handle(sendPasswordReset, async (payload, delivery) => {
    const userId = 'userId' in payload ? payload.userId : await getUserIdByEmail(delivery.db, payload.email);
    // No account at this address: nothing to send, and nobody was told either way.
    if (userId === null) return;
    const user = await recipientOf(delivery, userId);
    await recordResetRequested({ db: delivery.db, actor: null, now: delivery.now }, { userId });
    const { lang } = payload;
    const t = translator(lang);
    const link = await linkFor(delivery, userId, 'reset_password', 'reset', lang);
    await deps.mailer.send({ to: user.email, subject: t('mail.reset.subject'), text: t('mail.reset.body', { link }), messageKey: delivery.key });
  });
}
