/** A field-by-field diff, as editors read it (a suggestion's proposal, a version's changes). */
import type { ViewContext } from '../../../shared/views/context.ts';
import type { FieldChange } from '../domain/versioning.ts';
import { fieldText, FIELD_LABELS, type Names } from './field-values.ts';

export function DiffTable({ ctx, changes, names, caption }: { ctx: ViewContext; changes: FieldChange[]; names: Names; caption?: string }) {
  const { t, lang } = ctx;
  return (
    <table class="data-table diff-table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{t('map.editor.field')}</th>
          <th scope="col">{t('map.editor.current')}</th>
          <th scope="col">{t('map.editor.proposed')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr>
            <th scope="row">{t(FIELD_LABELS[c.field])}</th>
            <td class="diff-before">{fieldText(c.field, c.before, names, t, lang)}</td>
            <td class="diff-after">{fieldText(c.field, c.after, names, t, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
