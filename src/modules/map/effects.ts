/**
 * The map's effects, emitted by its commands in their transactions and delivered by the outbox
 * (handlers in effect-handlers.ts, registered by the plugin). Payloads name rows, never secrets:
 * the confirmation link's token is derived from APP_SECRET when the email is written.
 */
import { defineEffect } from '../../outbox/index.ts';

/** "Confirm your suggestion": the link that sends it to the editors' queue. */
export const sendSuggestionConfirmation = defineEffect<{ suggestionId: number }>('map.send_suggestion_confirmation');
/** Tells the editors (EDITORS_EMAIL) a confirmed suggestion awaits them. */
export const notifyEditorsOfSuggestion = defineEffect<{ suggestionId: number }>('map.notify_editors');
/** Tells the suggester what the editors decided. */
export const sendSuggestionDecision = defineEffect<{ suggestionId: number }>('map.send_suggestion_decision');
/** Relays a "write to them" message to the organisation's private address, then forgets it. */
export const relayMessage = defineEffect<{ messageId: number }>('map.relay_message');
/** An organisation changed (a version was written): the hooks app.ts gave the plugin run (the search index follows). */
export const organisationChanged = defineEffect<{ organisationId: number }>('map.organisation_changed');
