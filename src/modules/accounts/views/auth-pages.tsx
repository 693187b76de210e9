import type { VNode } from 'preact';
import type { Role } from '../../../shared/actor.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { FormErrorSummary, PostForm, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
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

export function AccountPage({
  ctx,
  account,
  sections = [],
}: {
  ctx: ViewContext;
  account: { email: string; display_name: string; role: Role; contributor_slug: string | null; contributor_name: string | null };
  /** What other modules add below (the book's royalty statement). */
  sections?: VNode[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('accounts.accountTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('accounts.accountTitle')}</h1>
        <dl class="facts">
          <dt>{t('accounts.displayName')}</dt>
          <dd>{account.display_name}</dd>
          <dt>{t('accounts.email')}</dt>
          <dd>{account.email}</dd>
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
    </Layout>
  );
}
