/** The book on the home page once an edition is published (publishing's extension point, wired in app.ts). */
import type { Executor } from '../../db/database.ts';
import type { ViewContext } from '../../shared/views/context.ts';
import { listPublishedBooks } from './queries/books.ts';

/** The latest published book, with where to read or order it; null before any edition is built. */
export async function bookHomeSection(input: { db: Executor; now: Date }) {
  const [book] = await listPublishedBooks(input.db);
  if (!book) return null;
  return {
    render: (ctx: ViewContext) => (
      <section class="home-highlight" aria-labelledby="home-book-heading">
        <h2 id="home-book-heading">{ctx.t('book.homeHeading')}</h2>
        <h3>
          <a href={`/book/${book.slug}`}>{book.title}</a>
        </h3>
        {book.subtitle ? <p>{book.subtitle}</p> : null}
        <p>
          <a class="button" href={`/book/${book.slug}`}>
            {ctx.t('book.homeRead')}
          </a>
        </p>
      </section>
    ),
  };
}
