/**
 * Delivering the map's effects. Handlers read the rows as they are at delivery time and are
 * idempotent: emails carry a Message-ID derived from the delivery key, and a relayed message is
 * deleted once sent (a retry after that finds nothing to send).
 */
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { localisePath, translator } from '../../shared/i18n/index.ts';
import { notifyEditorsOfSuggestion, organisationChanged, relayMessage, sendSuggestionConfirmation, sendSuggestionDecision } from './effects.ts';
import { getContactAddress } from './queries/organisations.ts';
import { forgetRelayedMessage } from './commands/forget-relayed-message.ts';
import { getRelayMessage, getSuggestion } from './queries/suggestions.ts';
import type { OrganisationHook } from './search-source.ts';
import { suggestionToken } from './suggestion-token.ts';

export function handleMapEffects(effects: EffectHandlers, deps: Pick<AppDeps, 'config' | 'mailer'>, organisationHooks: readonly OrganisationHook[] = []): void {
  const { config, mailer } = deps;

  effects.handle(organisationChanged, async ({ organisationId }, delivery) => {
    for (const hook of organisationHooks) await hook({ db: delivery.db, now: delivery.now, organisationId });
  });

  effects.handle(sendSuggestionConfirmation, async ({ suggestionId }, delivery) => {
    const s = await getSuggestion(delivery.db, suggestionId);
    if (!s || s.status !== 'unconfirmed') return;
    const t = translator(s.lang);
    const name = (JSON.parse(s.proposal) as { name?: string }).name ?? '';
    const link = `${config.baseUrl}${localisePath(`/map/suggestions/${s.id}/confirm`, s.lang)}?token=${suggestionToken(config.appSecret, s.id)}`;
    await mailer.send({
      to: s.suggester_email,
      subject: t('mail.map.confirm.subject'),
      text: t('mail.map.confirm.body', { name: s.suggester_name, organisation: name, link }),
      messageKey: delivery.key,
    });
  });

  effects.handle(notifyEditorsOfSuggestion, async ({ suggestionId }, delivery) => {
    const s = await getSuggestion(delivery.db, suggestionId);
    if (!config.editorsEmail || !s) return;
    const t = translator('fr');
    const name = (JSON.parse(s.proposal) as { name?: string }).name ?? `#${s.organisation_id}`;
    await mailer.send({
      to: config.editorsEmail,
      subject: t('mail.map.editors.subject', { organisation: name }),
      text: t('mail.map.editors.body', { organisation: name, link: `${config.baseUrl}/editor/map/suggestions/${s.id}` }),
      messageKey: delivery.key,
    });
  });

  effects.handle(sendSuggestionDecision, async ({ suggestionId }, delivery) => {
    const s = await getSuggestion(delivery.db, suggestionId);
    if (!s || (s.status !== 'accepted' && s.status !== 'merged' && s.status !== 'rejected')) return;
    const t = translator(s.lang);
    const contact = s.organisation_id === null ? undefined : await getContactAddress(delivery.db, s.organisation_id);
    const link = contact ? `${config.baseUrl}/map/organisations/${contact.slug}` : `${config.baseUrl}/map`;
    await mailer.send({
      to: s.suggester_email,
      subject: t(`mail.map.decision.${s.status}.subject`),
      text: t(`mail.map.decision.${s.status}.body`, { name: s.suggester_name, note: s.decision_note, link }),
      messageKey: delivery.key,
    });
  });

  effects.handle(relayMessage, async ({ messageId }, delivery) => {
    const message = await getRelayMessage(delivery.db, messageId);
    if (!message) return;
    const contact = await getContactAddress(delivery.db, message.organisation_id);
    if (contact?.contact_email) {
      const t = translator(message.lang);
      await mailer.send({
        to: contact.contact_email,
        replyTo: message.sender_email,
        subject: t('mail.map.relay.subject', { name: message.sender_name }),
        text: t('mail.map.relay.body', { organisation: contact.name, name: message.sender_name, body: message.body, link: `${config.baseUrl}/map/organisations/${contact.slug}` }),
        messageKey: delivery.key,
      });
    }
    // Sent (or impossible to send): the message is not kept.
    await forgetRelayedMessage({ db: delivery.db, actor: null, now: delivery.now }, { messageId });
  });
}
