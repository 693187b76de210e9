import { formatDateTime } from '../../shared/i18n/index.ts';
import type { ViewContext } from '../../shared/views/context.ts';
import { EditorLayout } from '../../shared/views/editor-layout.tsx';
import { PostForm } from '../../shared/views/form-fields.tsx';
import type { EffectRow } from '../queries.ts';

export function OutboxPage({ ctx, effects, counts, maxAttempts }: { ctx: ViewContext; effects: EffectRow[]; counts: { pending: number; dead: number }; maxAttempts: number }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('outbox.title')}>
      <p class="lede">{t('outbox.intro', { max: maxAttempts })}</p>
      <p>{t('outbox.counts', counts)}</p>
      {effects.length === 0 ? (
        <p class="empty">{t('outbox.none')}</p>
      ) : (
        <div class="scroll-x">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.kind')}</th>
                <th scope="col">{t('outbox.created')}</th>
                <th scope="col">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.nextTry')}</th>
                <th scope="col">{t('outbox.lastError')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('outbox.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {effects.map((e) => (
                <tr id={`effect-${e.id}`}>
                  <td>
                    <code>{e.kind}</code>
                    <br />
                    <span class="muted">{e.status === 'dead' ? t('outbox.status.dead') : t('outbox.status.pending')}</span>
                  </td>
                  <td>{formatDateTime(e.created_at, ctx.lang)}</td>
                  <td>{e.attempts}</td>
                  <td>{e.status === 'dead' ? '—' : formatDateTime(e.available_at, ctx.lang)}</td>
                  <td class="break-words">{e.last_error ?? ''}</td>
                  <td>
                    <PostForm ctx={ctx} action={`/editor/outbox/${e.id}/retry`} class="inline-form">
                      <button type="submit">{t('outbox.retry')}</button>
                    </PostForm>
                    <PostForm ctx={ctx} action={`/editor/outbox/${e.id}/dismiss`} class="inline-form">
                      <button type="submit" class="button-secondary">
                        {t('outbox.dismiss')}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </EditorLayout>
  );
}
