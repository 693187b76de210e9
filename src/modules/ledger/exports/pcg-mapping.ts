/**
 * From the ledger's account codes to the French chart of accounts for associations (plan
 * comptable général as adapted by règlement ANC n° 2018-06), for the FEC. CompteNum has six
 * digits; its first three are a PCG account (A47 A-1 VII, information 5), the rest a sub-account
 * of ours. CompteLib follows the PCG wording, with our precision after a dash.
 *
 * Only this table decides the mapping: an accountant who prefers another account changes one
 * entry here, and the FEC, its description and the tests follow.
 *
 * ── Treasury ────────────────────────────────────────────────────────────────────────────────
 * assets:bank → 512000 Banques.
 * assets:payment_provider → 511500 Valeurs à l'encaissement. Chosen over 467 (autres comptes
 *   débiteurs ou créditeurs): what the provider holds is card money already collected for us and
 *   paid out to our bank within days, i.e. a value being cashed, which 511 exists for; it then
 *   shows as cash (disponibilités) in the balance sheet, as it is economically, and each payout
 *   reads like a remise (511 → 512). It also keeps 467 for one thing only, royalties owed.
 *   (5111–5114 are taken by the PCG for coupons, cheques and bills; 5115 is ours.)
 *
 * ── Income ──────────────────────────────────────────────────────────────────────────────────
 * income:tickets → 706000 Prestations de services: a ticket buys a place at an evening, a
 *   service with a counterpart (not a cotisation, not a gift).
 * income:book_sales → 701000 Ventes de produits finis. The association is the publisher: it
 *   edits the book and has copies printed to its specification, so a copy is its own finished
 *   product. 707 (ventes de marchandises) is for goods bought to be resold as they are; switch to
 *   707000 here if the accountant treats printed copies that way.
 * income:donations → 754100 Dons manuels (ANC 2018-06, 754 Ressources liées à la générosité du
 *   public).
 *
 * ── Expenses ────────────────────────────────────────────────────────────────────────────────
 * Rule: what is bought and built into what the association sells or publishes (an evening, a
 * book) is 604 Achats d'études et prestations de services; sub-accounts keep each category apart.
 * expenses:event_logistics → 604100: venue hire, catering, sound and light for an evening whose
 *   tickets are sold (706). Not 6257 Réceptions, which is hospitality offered by the association,
 *   nor 606, which is consumable supplies.
 * expenses:book_editing → 604200: copy-editing, proofreading and layout, incorporated into the
 *   book.
 * expenses:book_manufacturing → 604300: printing and binding of the copies sold (a printer
 *   working to our specification; 611 Sous-traitance générale would also be defensible).
 * expenses:visuals → 622600 Honoraires: illustrators and graphic designers invoicing as
 *   independents for the programme's visuals. If the visuals were advertising, 6231 Annonces et
 *   insertions would fit better.
 * expenses:payment_fees → 627800 Autres frais et commissions sur prestations de services (627
 *   Services bancaires et assimilés): the payment provider's commission on each payment.
 * expenses:royalties → 651600 Droits d'auteur et de reproduction (651 Redevances pour
 *   concessions, brevets, licences, marques, procédés, logiciels, droits et valeurs similaires).
 *
 * ── Third parties ───────────────────────────────────────────────────────────────────────────
 * liabilities:royalties:<id> → 467100 Autres comptes débiteurs ou créditeurs, with one auxiliary
 *   account per contributor: CompAuxNum `C<id>`, CompAuxLib the (anonymised) contributor label.
 *
 * ── Funds ───────────────────────────────────────────────────────────────────────────────────
 * funds:* → 196xxx Fonds dédiés sur ressources liées à la générosité du public, with
 * funds:event:<id> detailed by an auxiliary account `E<id>` (CompAuxLib the event's title), since
 * the 18 FEC columns have no analytic field.
 *
 * The ledger closes an event by debiting `income:tickets` and crediting
 * `expenses:event_logistics` for the event, the difference going to the funds. Copied as such,
 * that would be an "écriture de solde des comptes de charges et de produits", which A47 A-1 VII
 * excludes from the FEC, and it would erase the event's income and costs from the year's compte
 * de résultat. So the FEC keeps income and costs where they were booked and, in any entry made
 * only of income, expense and fund lines that moves a fund (or is an event closure), replaces the
 * income and expense lines by their net on the fonds dédiés mechanism of ANC 2018-06
 * (art. 132-1 to 132-3):
 *   - net debit (money put into funds) → 689600 Reports en fonds dédiés (a charge);
 *   - net credit (funds drawn, e.g. a deficit covered by funds:general) → 789600 Utilisations
 *     des fonds dédiés (a product);
 *   - a reversal (reversesId set) mirrors the entry it cancels: a net credit goes back to 689600,
 *     a net debit to 789600.
 * The year's result then shows income − costs − what was earmarked, and the 196 accounts hold the
 * earmarked balances. A closure whose income equals its costs has nothing left to report and
 * produces no FEC entry.
 *
 * To check with the accountant: ANC 2018-06 reserves fonds dédiés for resources dedicated by
 * their funders to a defined project. Donations are (hence 196, générosité du public); a surplus
 * from ticket sales earmarked by the association itself, and above all `funds:general`, are
 * closer to reserves (1068 Réserves pour projet de l'entité, or report à nouveau), which only the
 * general meeting's allocation of the result can feed. Remapping them is a change to this table
 * (and to FUND_REPORT / FUND_USE); the FEC stays balanced either way.
 */

export type LedgerNature = 'asset' | 'liability' | 'income' | 'expense' | 'fund';

export interface PcgAccount {
  compteNum: string;
  compteLib: string;
}

export interface PcgMapping extends PcgAccount {
  /** The nature of the ledger account, read from its code's prefix. */
  nature: LedgerNature;
  /** A third party or an event the line is detailed by (CompAuxNum / CompAuxLib). */
  auxiliary: { kind: 'contributor' | 'event'; id: number } | null;
}

/** The fixed ledger accounts. */
export const PCG_FIXED: Readonly<Record<string, PcgAccount & { nature: LedgerNature }>> = {
  'assets:bank': { compteNum: '512000', compteLib: 'Banques', nature: 'asset' },
  'assets:payment_provider': {
    compteNum: '511500',
    compteLib: "Valeurs à l'encaissement - prestataire de paiement",
    nature: 'asset',
  },
  'income:tickets': { compteNum: '706000', compteLib: 'Prestations de services', nature: 'income' },
  'income:book_sales': { compteNum: '701000', compteLib: 'Ventes de produits finis', nature: 'income' },
  'income:donations': { compteNum: '754100', compteLib: 'Dons manuels', nature: 'income' },
  'expenses:event_logistics': {
    compteNum: '604100',
    compteLib: "Achats d'études et prestations de services - logistique des événements",
    nature: 'expense',
  },
  'expenses:book_editing': {
    compteNum: '604200',
    compteLib: "Achats d'études et prestations de services - édition des livres",
    nature: 'expense',
  },
  'expenses:book_manufacturing': {
    compteNum: '604300',
    compteLib: "Achats d'études et prestations de services - fabrication des livres",
    nature: 'expense',
  },
  'expenses:visuals': { compteNum: '622600', compteLib: 'Honoraires - visuels', nature: 'expense' },
  'expenses:payment_fees': {
    compteNum: '627800',
    compteLib: 'Autres frais et commissions sur prestations de services',
    nature: 'expense',
  },
  'expenses:royalties': { compteNum: '651600', compteLib: "Droits d'auteur et de reproduction", nature: 'expense' },
  'funds:visuals': {
    compteNum: '196100',
    compteLib: 'Fonds dédiés sur ressources liées à la générosité du public - visuels',
    nature: 'fund',
  },
  'funds:book_editing': {
    compteNum: '196200',
    compteLib: 'Fonds dédiés sur ressources liées à la générosité du public - édition des livres',
    nature: 'fund',
  },
  'funds:general': {
    compteNum: '196300',
    compteLib: 'Fonds dédiés sur ressources liées à la générosité du public - fonds général',
    nature: 'fund',
  },
};

/** `funds:event:<id>`: one general account, the event as auxiliary `E<id>`. */
export const PCG_EVENT_FUND: PcgAccount = {
  compteNum: '196400',
  compteLib: 'Fonds dédiés sur ressources liées à la générosité du public - événements',
};

/** `liabilities:royalties:<id>`: one general account, the contributor as auxiliary `C<id>`. */
export const PCG_ROYALTIES_OWED: PcgAccount = {
  compteNum: '467100',
  compteLib: "Autres comptes débiteurs ou créditeurs - droits d'auteur dus",
};

/** Counterpart of money put into the funds (a charge). */
export const FUND_REPORT: PcgAccount = {
  compteNum: '689600',
  compteLib: 'Reports en fonds dédiés sur ressources liées à la générosité du public',
};

/** Counterpart of money drawn from the funds (a product). */
export const FUND_USE: PcgAccount = {
  compteNum: '789600',
  compteLib: 'Utilisations des fonds dédiés sur ressources liées à la générosité du public',
};

const EVENT_FUND = /^funds:event:([1-9]\d*)$/;
const ROYALTIES_OWED = /^liabilities:royalties:([1-9]\d*)$/;

function safeId(digits: string | undefined, code: string): number {
  const id = Number(digits);
  if (!Number.isSafeInteger(id)) throw new RangeError(`no PCG account for ledger account ${JSON.stringify(code)}`);
  return id;
}

/** The PCG account of a ledger account code; throws RangeError for a code the table lacks. */
export function pcgAccountFor(code: string): PcgMapping {
  if (Object.hasOwn(PCG_FIXED, code)) {
    const fixed = PCG_FIXED[code];
    if (fixed) return { ...fixed, auxiliary: null };
  }
  const event = EVENT_FUND.exec(code);
  if (event) return { ...PCG_EVENT_FUND, nature: 'fund', auxiliary: { kind: 'event', id: safeId(event[1], code) } };
  const royalties = ROYALTIES_OWED.exec(code);
  if (royalties) {
    return { ...PCG_ROYALTIES_OWED, nature: 'liability', auxiliary: { kind: 'contributor', id: safeId(royalties[1], code) } };
  }
  throw new RangeError(`no PCG account for ledger account ${JSON.stringify(code)}`);
}

/** Every mapping, for the FEC's description file and for review. */
export function pcgMappingTable(): { ledger: string; compteNum: string; compteLib: string; auxiliary: string }[] {
  return [
    ...Object.entries(PCG_FIXED).map(([ledger, pcg]) => ({ ledger, compteNum: pcg.compteNum, compteLib: pcg.compteLib, auxiliary: '' })),
    { ledger: 'funds:event:<id>', ...PCG_EVENT_FUND, auxiliary: 'E<id>' },
    { ledger: 'liabilities:royalties:<id>', ...PCG_ROYALTIES_OWED, auxiliary: 'C<id>' },
    { ledger: '(fonds : mise en réserve nette)', ...FUND_REPORT, auxiliary: '' },
    { ledger: '(fonds : utilisation nette)', ...FUND_USE, auxiliary: '' },
  ];
}
