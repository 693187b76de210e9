/**
 * Work waiting on the desk of a fresh demo, so an editor can walk each workflow on the first
 * start: a proposal from the public, a piece in review, a comment held for moderation, a message
 * in the inbox, and an expense waiting for an admin's decision. Written through the real commands.
 */
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { postComment } from '../conversation/index.ts';
import { submitExpense } from '../ledger/index.ts';
import { sendContactMessage } from '../pages/index.ts';
import { proposePiece, savePiece, transitionPiece } from '../publishing/index.ts';
import { firstPublishedPieceId } from './queries.ts';

export async function seedDemoWork(db: Db, now: Date, team: { admin: Actor; editor: Actor }, authorId: number | undefined): Promise<void> {
  const anonymous = { db, actor: null, now };
  await proposePiece(anonymous, {
    name: 'Yasmine Proposante',
    email: 'yasmine.proposante@example.net',
    title: 'Les semences libres ont-elles un marché ?',
    pitch: 'Des coopératives vendent des semences que chacun peut ressemer et partager. Je voudrais raconter comment trois d’entre elles équilibrent leurs comptes, et ce que cela dit des communs agricoles.',
    draft: '',
    language: 'fr',
    uiLang: 'fr',
  });

  const { id: inReview } = await savePiece(
    { db, actor: team.editor, now },
    {
      kind: 'article',
      title: 'Mutualiser l’hébergement des logiciels libres : un modèle pour les associations ?',
      slug: 'mutualiser-hebergement-logiciels-libres',
      summary: 'Plusieurs petites structures partagent leurs serveurs et leur temps d’administration. Ce que coûte et rapporte ce modèle.',
      body_md: 'Un brouillon soumis à la rédaction, à relire avant publication.\n\n## Ce que l’on mutualise\n\nLes serveurs, les sauvegardes, et surtout le temps des personnes qui les entretiennent.',
      language: 'fr',
      licence: 'CC-BY-SA-4.0',
      cover_alt: '',
      themes: [],
      credits: authorId === undefined ? [] : [{ contributorId: authorId, kind: 'author' }],
      note: 'demo',
    },
  );
  await transitionPiece({ db, actor: team.editor, now }, { pieceId: inReview, action: 'submit' });
  await transitionPiece({ db, actor: team.editor, now }, { pieceId: inReview, action: 'start_review' });

  const pieceId = await firstPublishedPieceId(db, now);
  if (pieceId !== undefined) {
    await postComment(anonymous, {
      pieceId,
      parentId: null,
      name: 'Bastien Lecteur',
      email: 'bastien.lecteur@example.net',
      website: null,
      body: 'Merci pour cet article. Avez-vous des chiffres sur la part des dons dans ces budgets ?',
      shownAt: now.getTime() - 5 * 60 * 1000,
      maxLinks: 2,
    });
  }

  await sendContactMessage(anonymous, {
    name: 'Nadia Partenaire',
    email: 'nadia.partenaire@example.net',
    subject: 'Accueillir une soirée dans notre tiers-lieu',
    body: 'Bonjour, nous serions heureux d’accueillir une de vos soirées au printemps. Pouvons-nous en parler ?',
  });

  await submitExpense(
    { db, actor: team.editor, now },
    { amount: 18000, category: 'expenses:visuals', eventId: null, payee: 'Atelier graphique coopératif', description: 'Affiches de la saison (devis)', key: 'demo-pending-expense' },
  );
}
