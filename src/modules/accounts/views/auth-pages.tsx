import type { VNode } from 'preact';
import type { Role } from '../../../shared/actor.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { CheckboxField, emptyForm, FormErrorSummary, PostForm, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { Layout } from '../../../shared/views/layout.tsx';

export function LoginPage({ ctx, form, next, notice }: { ctx: ViewContext; form: FormState; next: string; notice?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.loginTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('accounts.loginTitle')}</h1>
        {notice ? (
          <p class="notice" role="alert">
            {notice}
          </p>
        ) : null}
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action={`/account/login?next=${encodeURIComponent(next)}`}>
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('accounts.email')} autocomplete="email" required />
          <TextField ctx={ctx} form={form} name="password" type="password" label={t('accounts.password')} autocomplete="current-password" required />
          <button type="submit">{t('accounts.loginButton')}</button>
        </PostForm>
        <p>
          <a href="/account/reset">{t('accounts.forgotPassword')}</a> · <a href="/account/signup">{t('accounts.noAccount')}</a>
        </p>
      </section>
    </Layout>
  );
}

export function SignUpPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.signupTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('accounts.signupTitle')}</h1>
        <p>{t('accounts.signupIntro')}</p>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action="/account/signup">
          <TextField ctx={ctx} form={form} name="displayName" label={t('accounts.displayName')} autocomplete="name" required maxLength={80} />
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('accounts.email')} autocomplete="email" required />
          <TextField
            ctx={ctx}
            form={form}
            name="password"
            type="password"
            label={t('accounts.password')}
            hint={t('accounts.passwordHint')}
            autocomplete="new-password"
            required
          />
          <button type="submit">{t('accounts.signupButton')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** What a confirmation link opens: one button that confirms (a POST, with this browser's CSRF token). */
export function ConfirmPage({ ctx, token, loggedIn }: { ctx: ViewContext; token: string; loggedIn: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.confirmTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('accounts.confirmTitle')}</h1>
        <p>{t(loggedIn ? 'accounts.confirmIntroLoggedIn' : 'accounts.confirmIntro')}</p>
        <PostForm ctx={ctx} action={`/account/confirm/${encodeURIComponent(token)}`} label={t('accounts.confirmTitle')}>
          <button type="submit">{t('accounts.confirmButton')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

export function MessagePage({ ctx, title, message }: { ctx: ViewContext; title: string; message: string }) {
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <section class="narrow">
        <h1>{title}</h1>
        <p role="status">{message}</p>
      </section>
    </Layout>
  );
}

export function ResetRequestPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.resetTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('accounts.resetTitle')}</h1>
        <p>{t('accounts.resetIntro')}</p>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action="/account/reset">
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('accounts.email')} autocomplete="email" required />
          <button type="submit">{t('accounts.resetButton')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

export function NewPasswordPage({ ctx, form, token }: { ctx: ViewContext; form: FormState; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.newPasswordTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('accounts.newPasswordTitle')}</h1>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action={`/account/reset/${token}`}>
          <TextField
            ctx={ctx}
            form={form}
            name="password"
            type="password"
            label={t('accounts.newPassword')}
            hint={t('accounts.passwordHint')}
            autocomplete="new-password"
            required
          />
          <button type="submit">{t('accounts.newPasswordButton')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** The forms of one's own account, each shown again with its own input and errors. */
export interface AccountForms {
  email?: FormState;
  password?: FormState;
  delete?: FormState;
}

export function AccountPage({
  ctx,
  account,
  sections = [],
  forms = {},
}: {
  ctx: ViewContext;
  account: { email: string; pending_email: string | null; display_name: string; role: Role; contributor_slug: string | null; contributor_name: string | null };
  /** What other modules add (tickets, the contributor profile, the book's royalty statement). */
  sections?: VNode[];
  forms?: AccountForms;
}) {
  const { t } = ctx;
  const emailForm = forms.email ?? emptyForm;
  const passwordForm = forms.password ?? emptyForm;
  const deleteForm = forms.delete ?? emptyForm;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.accountTitle'), noindex: true }}>
      <div class="account-page">
        <h1>{t('accounts.accountTitle')}</h1>
        <section class="narrow" aria-labelledby="identity-heading">
          <h2 id="identity-heading">{t('accounts.identityTitle')}</h2>
          <dl class="facts">
            <dt>{t('accounts.displayName')}</dt>
            <dd>{account.display_name}</dd>
            <dt>{t('accounts.email')}</dt>
            <dd class="break-words">{account.email}</dd>
            <dt>{t('accounts.role')}</dt>
            <dd>{t(`role.${account.role}`)}</dd>
            {account.contributor_slug ? (
              <>
                <dt>{t('accounts.contributorProfile')}</dt>
                <dd>
                  <a href={`/contributors/${account.contributor_slug}`}>{account.contributor_name}</a>
                </dd>
              </>
            ) : null}
          </dl>
          <p class="hint">{t('accounts.emailPrivate')}</p>
        </section>
        {sections}
        <section class="narrow" aria-labelledby="security-heading" id="security">
          <h2 id="security-heading">{t('accounts.securityTitle')}</h2>
          <h3 id="email-heading">{t('accounts.emailTitle')}</h3>
          <p>{t('accounts.emailIntro')}</p>
          {account.pending_email ? <p class="hint break-words">{t('accounts.pendingEmail', { email: account.pending_email })}</p> : null}
          <FormErrorSummary ctx={ctx} form={emailForm} />
          <PostForm ctx={ctx} action="/account/email" label={t('accounts.emailTitle')}>
            <TextField ctx={ctx} form={emailForm} name="email" idPrefix="change-" type="email" label={t('accounts.newEmail')} autocomplete="email" required />
            <TextField ctx={ctx} form={emailForm} name="currentPassword" idPrefix="email-" type="password" label={t('accounts.currentPassword')} autocomplete="current-password" required />
            <button type="submit">{t('accounts.emailButton')}</button>
          </PostForm>
          <h3 id="password-heading">{t('accounts.passwordTitle')}</h3>
          <FormErrorSummary ctx={ctx} form={passwordForm} />
          <PostForm ctx={ctx} action="/account/password" label={t('accounts.passwordTitle')}>
            <TextField ctx={ctx} form={passwordForm} name="currentPassword" idPrefix="password-" type="password" label={t('accounts.currentPassword')} autocomplete="current-password" required />
            <TextField
              ctx={ctx}
              form={passwordForm}
              name="newPassword"
              type="password"
              label={t('accounts.newPassword')}
              hint={t('accounts.passwordHint')}
              autocomplete="new-password"
              required
            />
            <button type="submit">{t('accounts.passwordButton')}</button>
          </PostForm>
        </section>
        <section class="narrow danger-zone" aria-labelledby="delete-heading" id="delete">
          <h2 id="delete-heading">{t('accounts.deleteTitle')}</h2>
          <p>{t('accounts.deleteIntro')}</p>
          <FormErrorSummary ctx={ctx} form={deleteForm} />
          <PostForm ctx={ctx} action="/account/delete" label={t('accounts.deleteTitle')}>
            <TextField ctx={ctx} form={deleteForm} name="currentPassword" idPrefix="delete-" type="password" label={t('accounts.currentPassword')} autocomplete="current-password" required />
            <CheckboxField ctx={ctx} form={deleteForm} name="confirm" idPrefix="delete-" label={t('accounts.deleteConfirm')} required />
            <button type="submit" class="button-danger">
              {t('accounts.deleteButton')}
            </button>
          </PostForm>
        </section>
      </div>
    </Layout>
  );
}

/** What the link sent to a new address opens: one button that confirms it (a POST). */
export function EmailChangePage({ ctx, token }: { ctx: ViewContext; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.emailChangeTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('accounts.emailChangeTitle')}</h1>
        <p>{t('accounts.emailChangeIntro')}</p>
        <PostForm ctx={ctx} action={`/account/email/${encodeURIComponent(token)}`} label={t('accounts.emailChangeTitle')}>
          <button type="submit">{t('accounts.emailChangeButton')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
