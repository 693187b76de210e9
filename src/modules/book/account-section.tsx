/** The royalty statement on a contributor's own account page (app.ts adds it to the accounts' sections). */
import type { AccountSection } from '../accounts/index.ts';
import { royaltyStatementOf } from './royalty-statement.ts';
import { RoyaltySection } from './views/royalty-section.tsx';

export const royaltyStatementSection: AccountSection = async ({ db, actor }) => {
  if (actor.contributorId === null) return null;
  const statement = await royaltyStatementOf(db, actor.contributorId);
  return statement ? (ctx) => <RoyaltySection ctx={ctx} statement={statement} /> : null;
};
