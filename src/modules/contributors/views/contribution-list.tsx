import { formatDate } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { isContributionKind } from '../domain/contribution-kinds.ts';
import type { ContributionItem } from '../subjects.ts';

/** What a person contributed, each with its kind, its subject and its date: on their public page and on their account. */
export function ContributionList({ ctx, items, labelledBy }: { ctx: ViewContext; items: ContributionItem[]; labelledBy?: string }) {
  const { t } = ctx;
  if (items.length === 0) return <p class="empty">{t('contributors.noContribution')}</p>;
  return (
    <ul class="contribution-list" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li>
          <span class="contribution-kind">{isContributionKind(item.kind) ? t(`contributionKind.${item.kind}`) : item.kind}</span> —{' '}
          <a href={item.subject.url}>{item.subject.title}</a>{' '}
          <span class="muted">
            ({t(item.subject.kindKey)}, {formatDate(item.subject.date, ctx.lang)})
          </span>
        </li>
      ))}
    </ul>
  );
}
