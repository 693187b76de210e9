import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { DeskNav } from './desk-nav.tsx';
import { Money } from './money.tsx';

export interface AuditResult {
  /** Sum of every line: 0 when the books balance. */
  total: number;
  /** Faults found (unbalanced or empty transactions, drifting totals, drifted closed evenings). */
  unbalanced: number;
  /** Lines the running totals count. */
  lines: number;
  /** How long the full check took, in milliseconds. */
  ms: number;
}

/** The full line-by-line audit of the ledger, with how long it took (admins). */
export function AuditDeskPage({ ctx, result }: { ctx: ViewContext; result: AuditResult }) {
  const { t } = ctx;
  const sound = result.unbalanced === 0 && result.total === 0;
  return (
    <EditorLayout ctx={ctx} title={t('audit.title')}>
      <DeskNav ctx={ctx} />
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('audit.title')}</h2>
        <p>{t('audit.intro')}</p>
        <p class={sound ? 'notice' : 'notice notice-error'} role="status">
          {sound ? t('audit.sound') : t('audit.faults', { n: result.unbalanced })}
        </p>
        <dl>
          <dt>{t('audit.total')}</dt>
          <dd>
            <Money ctx={ctx} cents={result.total} />
          </dd>
          <dt>{t('audit.lines')}</dt>
          <dd>{result.lines.toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'fr-FR')}</dd>
          <dt>{t('audit.took')}</dt>
          <dd>{t('audit.ms', { ms: Math.round(result.ms).toLocaleString(ctx.lang === 'en' ? 'en-GB' : 'fr-FR') })}</dd>
        </dl>
        <form method="get" action="/editor/ledger/audit" class="inline-form">
          <button type="submit">{t('audit.run')}</button>
        </form>
      </section>
    </EditorLayout>
  );
}
