import type { ViewContext } from './context.ts';

export interface PersonOption {
  id: number;
  name: string;
}

/**
 * Choosing one person among thousands without listing them all: the select offers "none", the
 * current choice and the matches for the page's people search (`PeopleSearch`, `?who=`). With
 * JavaScript, `client/person-picker.ts` adds a search box beside it that asks `source` (a JSON
 * endpoint for editors) as one types and replaces the offers.
 */
export function PersonPicker(props: { ctx: ViewContext; name: string; label: string; none: string; selected: PersonOption | null; matches: readonly PersonOption[]; source: string; id?: string | undefined }) {
  const { ctx, selected } = props;
  const offers = props.matches.filter((m) => m.id !== selected?.id);
  return (
    <label class="person-picker">
      <span class="visually-hidden">{props.label}</span>
      <select name={props.name} id={props.id} data-person-source={props.source} data-search-label={ctx.t('picker.search', { label: props.label })}>
        <option value="">{props.none}</option>
        {selected ? (
          <option value={String(selected.id)} selected>
            {selected.name}
          </option>
        ) : null}
        {offers.map((p) => (
          <option value={String(p.id)}>{p.name}</option>
        ))}
      </select>
    </label>
  );
}

/**
 * The pickers' search without JavaScript: a GET form reloading the page with `who`, whose matches
 * every picker of the page then offers. `keep` carries the page's other query parameters.
 */
export function PeopleSearch({ ctx, path, who, keep = {} }: { ctx: ViewContext; path: string; who: string; keep?: Record<string, string | number | undefined> }) {
  return (
    <form method="get" action={path} class="list-filter people-search" role="search">
      {Object.entries(keep).map(([name, value]) => (value !== undefined && value !== '' ? <input type="hidden" name={name} value={String(value)} /> : null))}
      <label>
        <span>{ctx.t('picker.offer')}</span> <input type="search" name="who" value={who} maxLength={100} />
      </label>{' '}
      <button type="submit">{ctx.t('picker.find')}</button>
    </form>
  );
}

/**
 * The same search when the pickers sit inside another form (forms cannot nest): the fields name
 * an outside GET form by id (`PeopleSearchAnchor`, placed after the form). Reloading loses
 * unsaved changes, which the hint says; with JavaScript nobody needs it.
 */
export function PeopleSearchFields({ ctx, formId, who }: { ctx: ViewContext; formId: string; who: string }) {
  return (
    <p class="people-search">
      <label>
        <span>{ctx.t('picker.offer')}</span> <input type="search" name="who" value={who} maxLength={100} form={formId} />
      </label>{' '}
      <button type="submit" form={formId} class="button-secondary">
        {ctx.t('picker.find')}
      </button>{' '}
      <span class="hint">{ctx.t('picker.reloadHint')}</span>
    </p>
  );
}

export function PeopleSearchAnchor({ formId, path }: { formId: string; path: string }) {
  return <form method="get" action={path} id={formId} hidden />;
}
