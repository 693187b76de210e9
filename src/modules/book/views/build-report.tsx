/** A build's report: each error and warning with the chapter (and image) it is about. */
import type { ViewContext } from '../../../shared/views/context.ts';
import { isError, type BuildIssue } from '../domain/build-report.ts';

export function BuildReport({ ctx, issues }: { ctx: ViewContext; issues: readonly BuildIssue[] }) {
  const { t } = ctx;
  if (issues.length === 0) return null;
  const shown = issues.slice(0, 200);
  return (
    <div class="build-report">
      <h3>{t('book.build.report')}</h3>
      <ul>
        {shown.map((issue) => (
          <li class={isError(issue) ? 'field-error' : 'muted'}>
            <strong>{t(isError(issue) ? 'book.build.error' : 'book.build.warning')}</strong> {t(`book.issue.${issue.code}`)}
            {issue.chapter !== undefined ? <> — {t('book.build.chapter', { position: issue.position ?? '?', title: issue.chapter })}</> : null}
            {issue.image !== undefined ? (
              <>
                {' '}
                — {t('book.build.image')} <code>{issue.image}</code>
              </>
            ) : null}
            {issue.detail !== undefined ? <> ({issue.detail})</> : null}
          </li>
        ))}
      </ul>
      {issues.length > shown.length ? <p class="muted">{t('book.build.more', { count: issues.length - shown.length })}</p> : null}
    </div>
  );
}
