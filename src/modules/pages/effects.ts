/** The emails of the pages module, emitted by its commands and delivered by the outbox. */
import type { AppDeps } from '../../app-deps.ts';
import { defineEffect, type EffectHandlers } from '../../outbox/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { getMessage } from './queries.ts';

/** Tells the editors a contact message arrived (when EDITORS_EMAIL is set). */
export const notifyEditorsOfMessage = defineEffect<{ messageId: number }>('pages.notify_editors');

export function handlePagesEffects(effects: EffectHandlers, deps: Pick<AppDeps, 'config' | 'mailer'>): void {
  effects.handle(notifyEditorsOfMessage, async ({ messageId }, delivery) => {
    const to = deps.config.editorsEmail;
    const message = await getMessage(delivery.db, messageId);
    if (!to || !message) return;
    const t = translator('fr');
    await deps.mailer.send({
      to,
      replyTo: message.email,
      subject: t('mail.contact.subject', { subject: message.subject }),
      text: t('mail.contact.body', { name: message.name, body: message.body, link: `${deps.config.baseUrl}/editor/inbox` }),
      messageKey: delivery.key,
    });
  });
}
