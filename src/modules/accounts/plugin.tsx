/** Accounts: sign-up, email confirmation, sessions, password reset, and the admins' list of accounts. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import type { CommandContext } from '../../shared/command.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { cookieOptions } from '../../shared/http/cookies.ts';
import type { FormRenderer } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../shared/http/route-schema.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { pageWindow } from '../../shared/pagination.ts';
import { emptyForm, type FormState } from '../../shared/views/form-fields.tsx';
import { searchContributorOptions } from '../contributors/index.ts';
import type { AccountSection, PersonErasure } from './account-sections.ts';
import { confirmEmailChange, requestEmailChange } from './commands/change-email.ts';
import { changePassword } from './commands/change-password.ts';
import { deleteAccount } from './commands/delete-account.ts';
import { confirmEmail } from './commands/confirm-email.ts';
import { logIn } from './commands/log-in.ts';
import { requestPasswordReset, resetPassword } from './commands/reset-password.ts';
import { closeSession, SESSION_LIFETIME_MS } from './commands/sessions.ts';
import { signUp } from './commands/sign-up.ts';
import { updateUserRole } from './commands/update-user-role.ts';
import { handleAccountsEffects } from './effects.ts';
import { EmailNotConfirmedError, InvalidCredentialsError } from './errors.ts';
import { accountsPolicy } from './policy.ts';
import { getAccount, listUsers } from './queries.ts';
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, logInQuery, logInSchema, newPasswordSchema, resetRequestSchema, roleSchema, signUpSchema, tokenParams, userListReturn, usersQuery } from './schemas.ts';
import { SESSION_COOKIE } from './session-hook.ts';
import { AccountPage, ConfirmPage, EmailChangePage, LoginPage, MessagePage, NewPasswordPage, ResetRequestPage, SignUpPage, type AccountForms } from './views/auth-pages.tsx';
import { UsersPage } from './views/users-page.tsx';

/**
 * `accountSections`: what other modules add to one's own account page; `erasures`: what each module
 * erases of a person deleting their account (both wired in app.ts).
 */
export const accountsPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers; accountSections?: readonly AccountSection[]; erasures?: readonly PersonErasure[] }> = async (
  fastify,
  { deps, effects, accountSections = [], erasures = [] },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  handleAccountsEffects(effects, deps);

  const commandContext = (req: FastifyRequest): CommandContext => ({ db, actor: req.actor, now: deps.now() });
  const perMinute = (max: number) => ({ max: max * deps.config.rateLimitMultiplier, timeWindow: '1 minute' });
  const startSession = (req: FastifyRequest, reply: FastifyReply, cookie: string) =>
    reply.setCookie(SESSION_COOKIE, cookie, cookieOptions(req, { maxAge: SESSION_LIFETIME_MS / 1000 }));
  const checkEmailPage = (req: FastifyRequest, reply: FastifyReply, message: MessageKey) => {
    const ctx = viewContext(req, reply);
    return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('accounts.checkEmailTitle')} message={ctx.t(message)} />);
  };

  // Logging in and out.

  /** A refusal (wrong password, address not confirmed) is a notice above the form, the address kept. */
  const loginForm: FormRenderer = (req, reply, { form, error, status }) => {
    const ctx = viewContext(req, reply);
    const shown = error ? { values: { email: form.values.email }, errors: {} } : form;
    const { next } = logInQuery.parse(req.query);
    return sendPage(reply, <LoginPage ctx={ctx} form={shown} next={next} notice={error ? ctx.t(error.messageKey, error.params) : undefined} />, status);
  };

  app.get('/account/login', { schema: { querystring: logInQuery } }, async (req, reply) =>
    sendPage(reply, <LoginPage ctx={viewContext(req, reply)} form={emptyForm} next={req.query.next} />),
  );

  app.post('/account/login', { schema: { querystring: logInQuery, body: logInSchema }, config: { form: loginForm, rateLimit: perMinute(10) } }, async (req, reply) => {
    const { cookie } = await logIn(commandContext(req), req.body);
    startSession(req, reply, cookie);
    return redirectWithFlash(req, reply, req.query.next, 'accounts.welcomeBack');
  });

  app.post('/account/logout', async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await closeSession(commandContext(req), { cookie });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(req, reply, '/', 'accounts.loggedOut');
  });

  // Signing up and confirming the address.

  const signUpForm: FormRenderer = (req, reply, { form, status }) => sendPage(reply, <SignUpPage ctx={viewContext(req, reply)} form={form} />, status);

  app.get('/account/signup', async (req, reply) => sendPage(reply, <SignUpPage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post('/account/signup', { schema: { body: signUpSchema }, config: { form: signUpForm, rateLimit: perMinute(5) } }, async (req, reply) => {
    await signUp(commandContext(req), { ...req.body, lang: req.lang });
    return checkEmailPage(req, reply, 'accounts.checkEmail');
  });

  // The link opens a page; confirming is a POST from it (see confirmEmail).
  app.get('/account/confirm/:token', { schema: { params: tokenParams } }, async (req, reply) =>
    sendPage(reply, <ConfirmPage ctx={viewContext(req, reply)} token={req.params.token} loggedIn={req.actor !== null} />),
  );

  app.post('/account/confirm/:token', { schema: { params: tokenParams }, config: { rateLimit: perMinute(10) } }, async (req, reply) => {
    const { cookie } = await confirmEmail(commandContext(req), { token: req.params.token, logIn: req.actor === null });
    if (!cookie) return redirectWithFlash(req, reply, '/account', 'accounts.emailConfirmedOther');
    startSession(req, reply, cookie);
    return redirectWithFlash(req, reply, '/account', 'accounts.emailConfirmed');
  });

  // A forgotten password.

  const resetRequestForm: FormRenderer = (req, reply, { form, status }) => sendPage(reply, <ResetRequestPage ctx={viewContext(req, reply)} form={form} />, status);

  app.get('/account/reset', async (req, reply) => sendPage(reply, <ResetRequestPage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post('/account/reset', { schema: { body: resetRequestSchema }, config: { form: resetRequestForm, rateLimit: perMinute(5) } }, async (req, reply) => {
    await requestPasswordReset(commandContext(req), { ...req.body, lang: req.lang });
    return checkEmailPage(req, reply, 'accounts.resetSent');
  });

  const newPasswordForm: FormRenderer = (req, reply, { form, status }) =>
    sendPage(reply, <NewPasswordPage ctx={viewContext(req, reply)} form={form} token={tokenParams.parse(req.params).token} />, status);

  app.get('/account/reset/:token', { schema: { params: tokenParams } }, async (req, reply) =>
    sendPage(reply, <NewPasswordPage ctx={viewContext(req, reply)} form={emptyForm} token={req.params.token} />),
  );

  app.post(
    '/account/reset/:token',
    { schema: { params: tokenParams, body: newPasswordSchema }, config: { form: newPasswordForm, rateLimit: perMinute(10) } },
    async (req, reply) => {
      const { cookie } = await resetPassword(commandContext(req), { token: req.params.token, password: req.body.password });
      startSession(req, reply, cookie);
      return redirectWithFlash(req, reply, '/account', 'accounts.passwordChanged');
    },
  );

  // One's own account.

  async function accountPage(req: FastifyRequest, reply: FastifyReply, forms: AccountForms = {}, status = 200) {
    const actor = accountsPolicy.authorize(req.actor, 'viewOwnAccount');
    const account = await getAccount(db, actor.id);
    if (!account) throw new NotFoundError();
    const sections = (await Promise.all(accountSections.map((section) => section({ db, actor, now: deps.now(), lang: req.lang })))).filter((s) => s !== null);
    const ctx = viewContext(req, reply);
    return sendPage(reply, <AccountPage ctx={ctx} account={account} sections={sections.map((draw) => draw(ctx))} forms={forms} />, status);
  }
  /** Only for someone logged in: the public never sees these forms' errors (401 before any schema). */
  const ownAccount = { authorize: (req: FastifyRequest) => accountsPolicy.authorize(req.actor, 'manageOwnAccount') };
  /** A password is never shown again: each form comes back with what else was typed. */
  const withoutPasswords = (form: FormState): FormState => ({ ...form, values: { ...form.values, currentPassword: '', newPassword: '' } });

  app.get('/account', async (req, reply) => accountPage(req, reply));

  app.post(
    '/account/password',
    { schema: { body: changePasswordSchema }, config: { ...ownAccount, form: (req, reply, { form, status }) => accountPage(req, reply, { password: withoutPasswords(form) }, status), rateLimit: perMinute(10) } },
    async (req, reply) => {
      const { cookie } = await changePassword(commandContext(req), req.body);
      startSession(req, reply, cookie);
      return redirectWithFlash(req, reply, '/account#security', 'accounts.passwordUpdated');
    },
  );

  app.post(
    '/account/email',
    { schema: { body: changeEmailSchema }, config: { ...ownAccount, form: (req, reply, { form, status }) => accountPage(req, reply, { email: withoutPasswords(form) }, status), rateLimit: perMinute(5) } },
    async (req, reply) => {
      await requestEmailChange(commandContext(req), { newEmail: req.body.email, password: req.body.currentPassword, lang: req.lang });
      return redirectWithFlash(req, reply, '/account#security', 'accounts.emailChangeSent');
    },
  );

  // The link sent to the new address opens a page; confirming is a POST from it (as for sign-up).
  app.get('/account/email/:token', { schema: { params: tokenParams } }, async (req, reply) =>
    sendPage(reply, <EmailChangePage ctx={viewContext(req, reply)} token={req.params.token} />),
  );

  app.post('/account/email/:token', { schema: { params: tokenParams }, config: { rateLimit: perMinute(10) } }, async (req, reply) => {
    await confirmEmailChange(commandContext(req), { token: req.params.token });
    return redirectWithFlash(req, reply, req.actor ? '/account' : '/account/login', 'accounts.emailChanged');
  });

  app.post(
    '/account/delete',
    { schema: { body: deleteAccountSchema }, config: { ...ownAccount, form: (req, reply, { form, status }) => accountPage(req, reply, { delete: withoutPasswords(form) }, status), rateLimit: perMinute(5) } },
    async (req, reply) => {
      await deleteAccount(commandContext(req), { password: req.body.currentPassword, erasures });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return redirectWithFlash(req, reply, '/', 'accounts.deleted');
    },
  );

  // The admins' list of accounts, with each one's role and contributor profile.

  app.get('/editor/users', { schema: { querystring: usersQuery }, config: { authorize: (req) => accountsPolicy.authorize(req.actor, 'manageUsers') } }, async (req, reply) => {
    const { q, who, page } = req.query;
    const [users, offers] = await Promise.all([listUsers(db, { q, window: pageWindow(page) }), searchContributorOptions(db, who)]);
    return sendPage(reply, <UsersPage ctx={viewContext(req, reply)} users={users} q={q} who={who} offers={offers} />);
  });

  /** The role form is one row of the list: a refusal, or a value no select offers, goes back to the list with its message. */
  const backToUsers: FormRenderer = (req, reply, { error }) =>
    redirectWithFlash(req, reply, userListReturn.safeParse(req.body).data?.next ?? '/editor/users', error?.messageKey ?? 'errors.validation', 'error', error?.params);

  app.post('/editor/users/:id', { schema: { params: idParams, body: roleSchema }, config: { form: backToUsers } }, async (req, reply) => {
    const actor = accountsPolicy.authorize(req.actor, 'manageUsers');
    await updateUserRole({ db, actor, now: deps.now() }, { userId: req.params.id, role: req.body.role, contributorId: req.body.contributorId });
    return redirectWithFlash(req, reply, req.body.next, 'users.saved');
  });
};
