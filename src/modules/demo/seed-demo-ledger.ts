/**
 * The demo season: six themed evenings and a closing synthesis, some past with their accounts
 * (door takings, logistics paid, two closed and their surplus allocated), a book with its
 * contributors, its chapters (built by the first start's worker) and a few paper sales. Written through the real commands, so the transparency
 * page of a fresh demo shows the whole economic model at work.
 */
import { bookPieceIds, themeIdsBySlug } from './queries.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { addDefaultTicketTypes, addTicketType, createSeries, saveEvent } from '../events/index.ts';
import { approveExpense, closeEventAccounts, markExpensePaid, recordIncome, submitExpense } from '../ledger/index.ts';
import { addEntry, createBook, recordBookSale, requestBuild, setBookShop } from '../book/index.ts';

const DAY = 24 * 3600 * 1000;

const EVENTS = [
  { slug: 'soiree-donnees-ouvertes', title: 'Soirée données ouvertes : qui paie la mise à jour ?', theme: 'open-data', daysFromNow: -75, income: 96000, logistics: [['Location de la salle', 'Le Hangar associatif', 35000], ['Captation vidéo', 'Coop Image', 18000]] },
  { slug: 'soiree-materiel-libre', title: 'Soirée matériel libre : vendre ce que tout le monde peut copier', theme: 'open-hardware', daysFromNow: -45, income: 72000, logistics: [['Location de la salle', 'Fablab de Brest', 22000], ['Buffet', 'Traiteur solidaire', 26500]] },
  { slug: 'soiree-logiciel-libre', title: 'Soirée logiciel libre : financer la maintenance', theme: 'free-software', daysFromNow: -12, income: 54000, logistics: [['Location de la salle', 'Tiers-lieu du canal', 30000]] },
  { slug: 'soiree-science-ouverte', title: 'Soirée science ouverte : publier sans payer pour lire', theme: 'open-science', daysFromNow: 18, income: 0, logistics: [] },
  { slug: 'soiree-art-culture-libres', title: 'Soirée art et culture libres : vivre de ce que l’on donne', theme: 'art-culture', daysFromNow: 46, income: 0, logistics: [] },
  { slug: 'soiree-de-synthese', title: 'Soirée de synthèse : les modèles économiques de l’ouvert', theme: null, daysFromNow: 80, income: 0, logistics: [] },
] as const;

export async function seedDemoLedger(db: Db, now: Date, team: { admin: Actor; editor: Actor }, contributorIds: number[]): Promise<void> {
  const themes = await themeIdsBySlug(db);
  const seriesId = await db.transaction().execute((trx) =>
    createSeries(
      { db: trx, actor: team.admin, now },
      {
        title: 'Saison 2026–2027 : les modèles économiques de l’ouvert',
        slug: 'saison-2026-2027',
        description: 'Une soirée par thème, puis une soirée de synthèse. Les contributeur·rices du programme sont invité·es ; la billetterie des autres paie la logistique, et l’excédent finance les visuels et l’édition du livre.',
      },
    ),
  );
  for (const [i, e] of EVENTS.entries()) {
    const startsAt = new Date(now.getTime() + e.daysFromNow * DAY);
    startsAt.setUTCHours(17, 30, 0, 0);
    const { id } = await db.transaction().execute((trx) =>
      saveEvent(
        { db: trx, actor: team.admin, now },
        {
          id: null,
          defaultTicketTypes: false,
          title: e.title,
          slug: e.slug,
          themeId: e.theme ? (themes.get(e.theme) ?? null) : null,
          description: `Une soirée d’échanges avec les contributeur·rices du programme, suivie d’un temps convivial.\n\nEntrée libre pour les contributeur·rices ; billet pour les autres participant·es.`,
          venue: ['Le Hangar associatif', 'Fablab de Brest', 'Tiers-lieu du canal', 'Maison des sciences', 'Théâtre du quartier', 'Le Hangar associatif'][i]!,
          address: '12 rue des Communs, 75011 Paris',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000),
          capacity: 80,
          opensAt: null,
          closesAt: null,
          status: 'published',
          seriesId,
          speakerIds: contributorIds.slice(i * 2, i * 2 + 2),
          // Upcoming demo evenings let buyers choose the door over a transfer (the bank details shown are the example ones).
          payAtDoor: e.daysFromNow > 0,
        },
      ),
    );
    await db.transaction().execute(async (trx) => {
      await addDefaultTicketTypes({ db: trx, actor: team.admin, now }, { eventId: id });
      await addTicketType({ db: trx, actor: team.admin, now }, { eventId: id, kind: 'solidarity', name: 'Tarif solidaire', price: 500, quota: 15, maxPerOrder: 1 });
    });
    if (e.daysFromNow > 0) continue;
    const at = new Date(startsAt.getTime() + 4 * 3600 * 1000);
    await recordIncome({ db, actor: team.admin, now: at }, { kind: 'tickets', amount: e.income, eventId: id, description: `Billetterie à l’entrée — ${e.title}`, key: `demo-income-${id}` });
    for (const [j, [description, payee, amount]] of e.logistics.entries()) {
      const expenseId = await submitExpense({ db, actor: team.editor, now: at }, { amount, category: 'expenses:event_logistics', eventId: id, payee, description, key: `demo-expense-${id}-${j}` });
      await approveExpense({ db, actor: team.admin, now: at }, { expenseId, overrideReason: '' });
      await markExpensePaid({ db, actor: team.admin, now: at }, { expenseId });
    }
    if (e.daysFromNow < -30) await closeEventAccounts({ db, actor: team.admin, now: new Date(at.getTime() + 7 * DAY) }, { eventId: id, outstanding: [] });
  }
  const bookId = await createBook(
    { db, actor: team.admin, now },
    {
      title: 'Vivre de l’ouvert — la synthèse',
      slug: 'vivre-de-l-ouvert',
      unitPrice: 2200,
      manufacturingCost: 640,
      splitMethod: 'equal',
      contributors: contributorIds.map((contributorId) => ({ contributorId, weight: 1 })),
    },
  );
  await recordBookSale({ db, actor: team.admin, now }, { bookId, quantity: 37, fees: 1295, key: 'demo-book-sale-1' });
  // Its chapters: an introduction, then one published piece of each kind. The first start's
  // background worker builds the EPUB, web edition and PDFs; the shop sells paper copies.
  const editing = { db, actor: team.editor, now };
  await addEntry(editing, {
    bookId,
    kind: 'text',
    title: 'Introduction',
    bodyMd: 'Ce livre rassemble une partie de ce que le programme a publié sur les modèles économiques de l’ouvert : un article, un entretien, une étude de cas et un défi ouvert. Il est libre, sous licence CC BY-SA 4.0 ; les ventes du livre papier sont partagées entre ses contributeur·rices.',
  });
  for (const pieceId of await bookPieceIds(db)) await addEntry(editing, { bookId, kind: 'piece', title: '', pieceId });
  await setBookShop({ db, actor: team.admin, now }, { bookId, unitPrice: 2200, manufacturingCost: 640, open: true });
  await requestBuild(editing, { bookId });
}
