/**
 * A closed evening takes no money of its own: door income is refused, money that still arrives
 * (a late ticket payment) goes to the general fund and is shown beside the evening, and the public
 * check — ledgerTotal too — reports any closed evening whose result moved since closing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { formKey, makeEvening } from '../../../tests/support/evenings.ts';
import type { Actor } from '../../shared/actor.ts';
import type { CommandContext } from '../../shared/command.ts';
import { translator } from '../../shared/i18n/index.ts';
import { formatCents } from '../../shared/money.ts';
import { postTransaction } from './commands/post-transaction.ts';
import { credit, debit } from './domain/posting.ts';
import { EventNotEndedError } from './errors.ts';
import { bookTicketPayment, closeEventAccounts, EventAccountsClosedError, isEventClosed, ledgerTotal, recordIncome } from './index.ts';

const t = translator('fr');

describe.each(DIALECTS)('closed evenings (%s)', (dialect) => {
  let app: TestApp;
  let admin: Actor;
  const ctx = (): CommandContext => ({ db: app.db.db, actor: admin, now: app.clock.now });

  beforeAll(async () => {
    app = await createTestApp(dialect);
    admin = (await makeUser(app.db.db, 'admin')).actor;
  });
  afterAll(async () => app.close());

  it('offers and accepts closing only once the evening has ended', async () => {
    const eventId = await makeEvening(app.db.db, 'Soirée pas finie');
    await recordIncome(ctx(), { kind: 'tickets', amount: 10_000, eventId, description: 'Entrées', key: formKey() });
    // 20 May 2026, 17:30–20:30 UTC: during the evening, money still comes in at the door.
    const during = new Date('2026-05-20T19:00:00Z');
    const early = closeEventAccounts({ ...ctx(), now: during }, { eventId, outstanding: [] });
    await expect(early).rejects.toBeInstanceOf(EventNotEndedError);
    await expect(early).rejects.toMatchObject({ code: 'event_not_ended', status: 409 });
    expect(await isEventClosed(app.db.db, eventId)).toBe(false);

    // The desk offers the button only after the end, and says when before.
    const { email } = await makeUser(app.db.db, 'admin');
    const desk = app.client();
    await desk.login(email, PASSWORD);
    const saved = app.clock.now;
    app.clock.now = during;
    try {
      const page = (await desk.get('/editor/ledger/events')).body;
      expect(page).not.toContain(t('desk.closeButton', { title: 'Soirée pas finie' }));
      expect(page).toContain('à clôturer après la soirée');
      const refused = await desk.post(`/editor/ledger/events/${eventId}/close`);
      expect(refused.statusCode).toBe(303);
      expect(await isEventClosed(app.db.db, eventId)).toBe(false);
    } finally {
      app.clock.now = saved;
    }
    expect((await desk.get('/editor/ledger/events')).body).toContain(t('desk.closeButton', { title: 'Soirée pas finie' }));
    await closeEventAccounts(ctx(), { eventId, outstanding: [] });
    expect(await isEventClosed(app.db.db, eventId)).toBe(true);
  });

  it('refuses door income on a closed evening, on the form’s evening field', async () => {
    const eventId = await makeEvening(app.db.db, 'Soirée close');
    await recordIncome(ctx(), { kind: 'tickets', amount: 10_000, eventId, description: 'Entrées', key: formKey() });
    await closeEventAccounts(ctx(), { eventId, outstanding: [] });
    const late = recordIncome(ctx(), { kind: 'tickets', amount: 500, eventId, description: 'Retardataire', key: formKey() });
    await expect(late).rejects.toBeInstanceOf(EventAccountsClosedError);
    await expect(late).rejects.toMatchObject({ code: 'event_closed', field: 'event_id' });
    // A donation belongs to no evening: still welcome.
    await expect(recordIncome(ctx(), { kind: 'donation', amount: 500, eventId: null, description: 'Don', key: formKey() })).resolves.toBeGreaterThan(0);
    expect(await ledgerTotal(app.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  it('shows beside a closed evening the money that reached it after closing, linked to those transactions', async () => {
    const eventId = await makeEvening(app.db.db, 'Soirée payée en retard');
    await recordIncome(ctx(), { kind: 'tickets', amount: 40_000, eventId, description: 'Entrées', key: formKey() });
    await closeEventAccounts(ctx(), { eventId, outstanding: [] });
    const booked = await bookTicketPayment(ctx(), { eventId, orderId: 9001, orderRef: 'LATE-1', channel: 'bank', amount: 2500, fee: 0, key: `late-${eventId}` });
    expect(booked.afterClosing).toBe(true);

    const page = (await app.client().get('/transparency')).body;
    const line = t('ledger.afterClosing', { amount: formatCents(2500, 'fr') });
    expect(page).toContain(`<a href="/transparency/transactions?cause=after_closing">${line}</a>`);
    expect(page).toContain(t('ledger.afterClosingHint'));
    expect(page).toContain('Le grand livre est équilibré');

    const list = (await app.client().get('/transparency/transactions?cause=after_closing')).body;
    expect(list).toContain(`Opérations concernant : ${t('ledger.cause.after_closing')}`);
    expect(list).toContain(t('ledger.describe.afterClosing', { event: eventId }));
    expect(await ledgerTotal(app.db.db)).toEqual({ total: 0, unbalanced: 0 });
  });

  // Last: it leaves the books with a drifted evening.
  it('counts a closed evening that took money of its own after closing, in ledgerTotal and on the page', async () => {
    const eventId = await makeEvening(app.db.db, 'Soirée dérivée');
    await recordIncome(ctx(), { kind: 'tickets', amount: 30_000, eventId, description: 'Entrées', key: formKey() });
    await closeEventAccounts(ctx(), { eventId, outstanding: [] });
    expect(await ledgerTotal(app.db.db)).toEqual({ total: 0, unbalanced: 0 });
    // The old bug: a payment booked on the evening itself after its closing. The transaction
    // balances and the running totals agree with it: only the closed evening's result moved.
    await app.db.db.transaction().execute((trx) =>
      postTransaction(
        { db: trx, actor: null, now: app.clock.now },
        { date: app.clock.now.toISOString(), description: 'Paiement tardif', causeType: 'order', causeId: 1, idempotencyKey: `drift-${eventId}`, lines: [debit('assets:bank', 700, eventId), credit('income:tickets', 700, eventId)] },
      ),
    );
    expect(await ledgerTotal(app.db.db)).toEqual({ total: 0, unbalanced: 1 });

    const page = (await app.client().get('/transparency')).body;
    expect(page).toContain(t('transparency.unbalanced'));
    expect(page).toContain(t('transparency.closedDrift', { n: 1 }));
    expect(page).toContain(`<a href="/transparency/transactions?event=${eventId}">Soirée dérivée</a>`);
  });
});
