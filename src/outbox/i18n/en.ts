import type { fr } from './fr.ts';

/** English strings of the outbox's admin page: exactly the keys of the French fragment. */
export const en: Record<keyof typeof fr, string> = {
  'outbox.title': 'Deliveries in trouble',
  'outbox.intro': 'Emails, refunds and notifications the site has not managed to deliver yet. It retries by itself, further and further apart; after {max} failures, a delivery waits here for a decision.',
  'outbox.none': 'Nothing in trouble: everything was delivered.',
  'outbox.pending': 'Waiting',
  'outbox.dead': 'Given up',
  'outbox.kind': 'Kind',
  'outbox.key': 'Key',
  'outbox.attempts': 'Attempts',
  'outbox.nextTry': 'Next attempt',
  'outbox.lastError': 'Last error',
  'outbox.created': 'Created',
  'outbox.status.pending': 'waiting',
  'outbox.status.dead': 'given up',
  'outbox.retry': 'Retry now',
  'outbox.dismiss': 'Set aside (handled by hand)',
  'outbox.retried': 'The delivery is back in line; it leaves in a moment.',
  'outbox.dismissed': 'The delivery is set aside.',
  'outbox.counts': '{pending} waiting, {dead} given up',
};
