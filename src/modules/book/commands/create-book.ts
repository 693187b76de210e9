import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import type { SplitMethod } from '../domain/split-method.ts';
import { bookPolicy } from '../policy.ts';
import { bookSlugTaken, countContributors } from '../queries/books.ts';

export interface BookInput {
  title: string;
  slug: string;
  unitPrice: Cents;
  manufacturingCost: Cents;
  splitMethod: SplitMethod;
  /** Who shares the royalties, and by what weight (ignored for equal shares). At least one. */
  contributors: { contributorId: number; weight: number }[];
}

/** Creates a book with the contributors who share its royalties. Returns its id. */
export async function createBook(ctx: CommandContext, input: BookInput): Promise<number> {
  bookPolicy.authorize(ctx.actor, 'manage');
  if (input.contributors.length === 0) throw new ValidationError({ contributors: 'ledger.noContributors' });
  return inTransaction(ctx, async (tx) => {
    if (await bookSlugTaken(tx.db, input.slug)) throw new ValidationError({ slug: 'errors.slugTaken' });
    const ids = [...new Set(input.contributors.map((c) => c.contributorId))];
    if (ids.length !== input.contributors.length || (await countContributors(tx.db, ids)) !== ids.length) throw new ValidationError({ contributors: 'errors.invalid' });
    const { id } = await tx.db
      .insertInto('books')
      .values({ title: input.title, slug: input.slug, unit_price: input.unitPrice, manufacturing_cost: input.manufacturingCost, split_method: input.splitMethod, created_at: tx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db.insertInto('book_contributors').values(input.contributors.map((c) => ({ book_id: id, contributor_id: c.contributorId, weight: c.weight }))).execute();
    await audit(tx, { action: 'book.created', subjectType: 'book', subjectId: id });
    return id;
  });
}
