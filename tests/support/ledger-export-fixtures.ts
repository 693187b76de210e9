/**
 * A small year of the programme's ledger, shared by the export tests: one evening (tickets,
 * logistics, closure into the funds), a book sale shared between two contributors, a royalty
 * payout, the provider paying out to the bank, a donation and the reversal of a rejected payout.
 * Amounts follow the domain's allocation rules (closeEvent, bookSale, royaltyPayout).
 */
import type { ExportContext, ExportTransaction } from '../../src/modules/ledger/exports/types.ts';

export const EVENT_ID = 7;
export const EVENT_TITLE = 'Soirée « Données ouvertes », Lyon';

const LABELS: Record<string, string> = {
  'assets:bank': 'Banque',
  'assets:payment_provider': 'Prestataire de paiement',
  'income:tickets': 'Billetterie',
  'income:book_sales': 'Ventes du livre',
  'income:donations': 'Dons',
  'expenses:event_logistics': 'Logistique des soirées',
  'expenses:visuals': 'Visuels',
  'expenses:book_editing': 'Édition du livre',
  'expenses:book_manufacturing': 'Fabrication du livre',
  'expenses:payment_fees': 'Frais de paiement',
  'expenses:royalties': 'Droits d’auteur',
  'funds:visuals': 'Fonds visuels',
  'funds:book_editing': 'Fonds édition',
  'funds:general': 'Fonds général',
};

export const ctx: ExportContext = {
  currency: 'EUR',
  accountLabel(code) {
    const event = /^funds:event:(\d+)$/.exec(code);
    if (event) return `Fonds de l’événement n° ${event[1]}`;
    const royalties = /^liabilities:royalties:(\d+)$/.exec(code);
    if (royalties) return `Droits dus au contributeur n° ${royalties[1]}`;
    return LABELS[code] ?? code;
  },
  eventTitle: (id) => (id === EVENT_ID ? EVENT_TITLE : undefined),
  contributorLabel: (id) => (id === 3 ? 'Camille Durand' : `Contributeur n° ${id}`),
};

export const ticketIncome: ExportTransaction = {
  id: 101,
  occurredAt: '2025-03-14T19:30:00Z',
  description: 'Billets – soirée Données ouvertes',
  causeType: 'ticket_income',
  causeId: 'order-5001',
  reversesId: null,
  lines: [
    { account: 'assets:payment_provider', amount: 45000, eventId: EVENT_ID },
    { account: 'income:tickets', amount: -45000, eventId: EVENT_ID },
  ],
};

export const expensePayment: ExportTransaction = {
  id: 102,
  occurredAt: '2025-03-15T10:00:00Z',
  description: 'Location de la salle et traiteur',
  causeType: 'expense_payment',
  causeId: '31',
  reversesId: null,
  lines: [
    { account: 'expenses:event_logistics', amount: 30000, eventId: EVENT_ID },
    { account: 'assets:bank', amount: -30000, eventId: EVENT_ID },
  ],
};

/** 22:30 UTC on 31 March is 00:30 on 1 April in Paris (summer time began on 30 March). */
export const eventClosure: ExportTransaction = {
  id: 103,
  occurredAt: '2025-03-31T22:30:00Z',
  description: 'Clôture de la soirée : excédent 60 % visuels, 40 % édition',
  causeType: 'event_closure',
  causeId: String(EVENT_ID),
  reversesId: null,
  lines: [
    { account: 'income:tickets', amount: 45000, eventId: EVENT_ID },
    { account: 'expenses:event_logistics', amount: -30000, eventId: EVENT_ID },
    { account: 'funds:visuals', amount: -9000, eventId: EVENT_ID },
    { account: 'funds:book_editing', amount: -6000, eventId: EVENT_ID },
  ],
};

/** 3 copies at 20 €, 7 € each to make, 1.90 € fees: net 37.10 € shared 2:1 (24.73 € / 12.37 €). */
export const bookSale: ExportTransaction = {
  id: 104,
  occurredAt: '2025-05-02T09:15:00Z',
  description: 'Vente de 3 exemplaires du livre',
  causeType: 'book_sale',
  causeId: 'sale-88',
  reversesId: null,
  lines: [
    { account: 'assets:payment_provider', amount: 6000, eventId: null },
    { account: 'income:book_sales', amount: -6000, eventId: null },
    { account: 'expenses:book_manufacturing', amount: 2100, eventId: null },
    { account: 'assets:bank', amount: -2100, eventId: null },
    { account: 'expenses:payment_fees', amount: 190, eventId: null },
    { account: 'assets:payment_provider', amount: -190, eventId: null },
    { account: 'expenses:royalties', amount: 3710, eventId: null },
    { account: 'liabilities:royalties:3', amount: -2473, eventId: null },
    { account: 'liabilities:royalties:12', amount: -1237, eventId: null },
  ],
};

export const royaltyPayout: ExportTransaction = {
  id: 105,
  occurredAt: '2025-06-30T08:00:00Z',
  description: 'Versement des droits d’auteur',
  causeType: 'royalty_payout',
  causeId: 'payout-3',
  reversesId: null,
  lines: [
    { account: 'liabilities:royalties:3', amount: 2473, eventId: null },
    { account: 'assets:bank', amount: -2473, eventId: null },
  ],
};

export const providerPayout: ExportTransaction = {
  id: 106,
  occurredAt: '2025-07-01T06:00:00Z',
  description: 'Virement du prestataire de paiement vers la banque',
  causeType: 'provider_payout',
  causeId: 'po_123',
  reversesId: null,
  lines: [
    { account: 'assets:bank', amount: 40000, eventId: null },
    { account: 'assets:payment_provider', amount: -40000, eventId: null },
  ],
};

export const reversal: ExportTransaction = {
  id: 107,
  occurredAt: '2025-07-02T12:00:00Z',
  description: 'Annulation : virement rejeté par la banque',
  causeType: 'reversal',
  causeId: 'payout-3',
  reversesId: 105,
  lines: [
    { account: 'liabilities:royalties:3', amount: -2473, eventId: null },
    { account: 'assets:bank', amount: 2473, eventId: null },
  ],
};

export const donation: ExportTransaction = {
  id: 108,
  occurredAt: '2025-09-10T16:20:00Z',
  description: 'Don',
  causeType: 'donation',
  causeId: null,
  reversesId: null,
  lines: [
    { account: 'assets:payment_provider', amount: 5000, eventId: null },
    { account: 'income:donations', amount: -5000, eventId: null },
  ],
};

/** The year, deliberately out of order: every export sorts. */
export const year2025: ExportTransaction[] = [
  bookSale,
  ticketIncome,
  reversal,
  eventClosure,
  expensePayment,
  royaltyPayout,
  donation,
  providerPayout,
];
