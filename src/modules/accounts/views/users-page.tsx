import { pageHref, type Page } from '../../../shared/pagination.ts';
import { ROLES } from '../../../shared/permissions.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { PostForm } from '../../../shared/views/form-fields.tsx';
import { ListFilter, Pager } from '../../../shared/views/pager.tsx';
import { PeopleSearch, PersonPicker, type PersonOption } from '../../../shared/views/person-picker.tsx';
import type { UserListRow } from '../queries.ts';

const PATH = '/editor/users';

/** The admins' list of accounts, a page at a time; each row's profile picker offers the people search's matches. */
export function UsersPage({ ctx, users, q, who, offers }: { ctx: ViewContext; users: Page<UserListRow>; q: string; who: string; offers: PersonOption[] }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('editor.users')}>
      <ListFilter ctx={ctx} path={PATH} q={q} label={t('users.filter')} hidden={who ? { who } : {}} />
      <PeopleSearch ctx={ctx} path={PATH} who={who} keep={{ q, page: users.page > 1 ? users.page : undefined }} />
      <table class="data-table">
        <caption>{t('editor.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accounts.displayName')}</th>
            <th scope="col">{t('accounts.email')}</th>
            <th scope="col">{t('users.roleAndProfile')}</th>
          </tr>
        </thead>
        <tbody>
          {users.rows.map((u) => (
            <tr>
              <td>
                {u.display_name}
                {u.email_confirmed_at ? null : <span class="badge">{t('users.unconfirmed')}</span>}
              </td>
              <td>{u.email}</td>
              <td>
                <PostForm ctx={ctx} action={`${PATH}/${u.id}`} class="inline-form" label={t('users.roleAndProfile')}>
                  <input type="hidden" name="next" value={pageHref(PATH, { q, who }, users.page)} />
                  <label>
                    <span class="visually-hidden">{t('accounts.role')}</span>
                    <select name="role">
                      {ROLES.map((r) => (
                        <option value={r} selected={u.role === r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <PersonPicker
                    ctx={ctx}
                    name="contributorId"
                    label={t('accounts.contributorProfile')}
                    none={t('users.noProfile')}
                    selected={u.contributor_id !== null ? { id: u.contributor_id, name: u.contributor_name ?? '' } : null}
                    matches={offers}
                    source="/editor/contributors/search.json"
                  />
                  <button type="submit">{t('piece.save')}</button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.rows.length === 0 ? <p>{t('list.empty')}</p> : null}
      <Pager ctx={ctx} page={users} path={PATH} params={{ q, who }} />
    </EditorLayout>
  );
}
