import { ROLES } from '../../../shared/permissions.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { PostForm } from '../../../shared/views/form-fields.tsx';
import type { UserListRow } from '../queries.ts';

export function UsersPage({ ctx, users, contributors }: { ctx: ViewContext; users: UserListRow[]; contributors: { id: number; name: string }[] }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('editor.users')}>
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
          {users.map((u) => (
            <tr>
              <td>
                {u.display_name}
                {u.email_confirmed_at ? null : <span class="badge">{t('users.unconfirmed')}</span>}
              </td>
              <td>{u.email}</td>
              <td>
                <PostForm ctx={ctx} action={`/editor/users/${u.id}`} class="inline-form" label={t('users.roleAndProfile')}>
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
                  <label>
                    <span class="visually-hidden">{t('accounts.contributorProfile')}</span>
                    <select name="contributorId">
                      <option value="">{t('users.noProfile')}</option>
                      {contributors.map((c) => (
                        <option value={String(c.id)} selected={u.contributor_id === c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="submit">{t('piece.save')}</button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorLayout>
  );
}
