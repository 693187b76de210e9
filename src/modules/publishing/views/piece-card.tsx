import { formatDate, type Lang } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { mediaUrl } from '../../media/index.ts';
import { isCreditRole, kindPath } from '../domain/kinds.ts';
import type { CreditView, PieceCard, ThemeView } from '../queries.ts';

export function themeName(theme: Pick<ThemeView, 'name_fr' | 'name_en'>, lang: Lang): string {
  return lang === 'en' ? theme.name_en : theme.name_fr;
}

export function Credits({ ctx, credits }: { ctx: ViewContext; credits: CreditView[] }) {
  if (credits.length === 0) return null;
  const groups = new Map<string, CreditView[]>();
  for (const c of credits) groups.set(c.kind, [...(groups.get(c.kind) ?? []), c]);
  return (
    <p class="credits">
      {[...groups.entries()].map(([kind, people], i) => (
        <span class="credit-group">
          {i > 0 ? ' · ' : ''}
          {isCreditRole(kind) ? ctx.t(`credit.${kind}`) : kind}{' '}
          {people.map((p, j) => (
            <>
              {j > 0 ? (j === people.length - 1 ? ` ${ctx.t('common.and')} ` : ', ') : ''}
              <a href={`/contributors/${p.slug}`} rel="author">
                {p.name}
              </a>
            </>
          ))}
        </span>
      ))}
    </p>
  );
}

export function KindBadge({ ctx, kind }: { ctx: ViewContext; kind: PieceCard['kind'] }) {
  return (
    <a class={`kind-badge kind-${kind}`} href={`/kinds/${kindPath(kind)}`}>
      {ctx.t(`kind.${kind}`)}
    </a>
  );
}

export function PieceCardView({ ctx, piece, headingLevel = 3 }: { ctx: ViewContext; piece: PieceCard; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="card" lang={piece.language !== ctx.lang ? piece.language : undefined}>
      {piece.cover_key ? <img class="card-cover" src={mediaUrl(piece.cover_key)} alt={piece.cover_alt} loading="lazy" /> : null}
      <div class="card-body">
        <p class="card-meta">
          <KindBadge ctx={ctx} kind={piece.kind} />
          <time dateTime={piece.published_at ?? undefined}>{formatDate(piece.published_at, ctx.lang)}</time>
          <span class="piece-language" lang={ctx.lang}>
            {ctx.t('piece.inLanguage', { language: ctx.t(`language.${piece.language}`) })}
          </span>
        </p>
        <Heading class="card-title">
          <a href={`/pieces/${piece.slug}`}>{piece.title}</a>
        </Heading>
        <p class="card-summary">{piece.summary}</p>
        <Credits ctx={ctx} credits={piece.credits} />
        {piece.themes.length ? (
          <ul class="tags" aria-label={ctx.t('piece.themes')}>
            {piece.themes.map((th) => (
              <li>
                <a href={`/themes/${th.slug}`}>{themeName(th, ctx.lang)}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}

export function PieceGrid({ ctx, pieces, headingLevel }: { ctx: ViewContext; pieces: PieceCard[]; headingLevel?: 2 | 3 }) {
  if (pieces.length === 0) return <p class="empty">{ctx.t('piece.none')}</p>;
  return (
    <div class="grid">
      {pieces.map((p) => (
        <PieceCardView ctx={ctx} piece={p} headingLevel={headingLevel} />
      ))}
    </div>
  );
}

export function Pagination({ ctx, page, pages, basePath }: { ctx: ViewContext; page: number; pages: number; basePath: string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('common.pagination')}>
      {page > 1 ? (
        <a href={`${basePath}?page=${page - 1}`} rel="prev">
          ← {ctx.t('common.previous')}
        </a>
      ) : null}
      <span>{ctx.t('common.pageOf', { page, pages })}</span>
      {page < pages ? (
        <a href={`${basePath}?page=${page + 1}`} rel="next">
          {ctx.t('common.next')} →
        </a>
      ) : null}
    </nav>
  );
}
