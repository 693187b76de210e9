import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { cookieOptions } from '../../shared/http/cookies.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, safeNextPath, sendPage, viewContext } from '../../shared/http/page.ts';
import { emptyForm } from '../../shared/views/form-fields.tsx';
import { confirmEmail } from './commands/confirm-email.ts';
import { EmailNotConfirmedError, InvalidCredentialsError, logIn } from './commands/log-in.ts';
import { requestPasswordReset, resetPassword } from './commands/reset-password.ts';
import { closeSession } from './commands/sessions.ts';
import { signUp } from './commands/sign-up.ts';
import { requireActor } from './guard.ts';
import { getAccount } from './queries.ts';
import { logInSchema, newPasswordSchema, resetRequestSchema, signUpSchema } from './schemas.ts';
import { SESSION_COOKIE } from './session-hook.ts';
import { SESSION_LIFETIME_MS } from './commands/sessions.ts';
import { AccountPage, LoginPage, MessagePage, NewPasswordPage, ResetRequestPage, SignUpPage } from './views/auth-pages.tsx';

export function accountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const limit = (max: number) => ({ rateLimit: { max: max * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } });

  const startSession = (req: FastifyRequest, reply: FastifyReply, cookie: string) =>
    reply.setCookie(SESSION_COOKIE, cookie, cookieOptions(req, { maxAge: SESSION_LIFETIME_MS / 1000 }));

  app.get('/account/login', async (req, reply) => {
    const next = safeNextPath((req.query as { next?: string }).next, '/account');
    return sendPage(reply, <LoginPage ctx={viewContext(req, reply)} form={emptyForm} next={next} />);
  });

  app.post('/account/login', { config: limit(10) }, async (req, reply) => {
    const next = safeNextPath((req.query as { next?: string }).next, '/account');
    const { fields } = readForm(req);
    const result = validateForm(logInSchema, fields);
    const ctx = () => viewContext(req, reply);
    if (!result.ok) return sendPage(reply, <LoginPage ctx={ctx()} form={result.form} next={next} />, 422);
    try {
      const { cookie } = await logIn({ db, now: deps.now() }, result.data);
      startSession(req, reply, cookie);
      return redirectWithFlash(req, reply, next, 'accounts.welcomeBack');
    } catch (error) {
      if (error instanceof InvalidCredentialsError || error instanceof EmailNotConfirmedError) {
        const form = { values: { email: result.data.email }, errors: {} };
        return sendPage(reply, <LoginPage ctx={ctx()} form={form} next={next} notice={ctx().t(error.messageKey)} />, error.status);
      }
      throw error;
    }
  });

  app.post('/account/logout', async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await closeSession(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectWithFlash(req, reply, '/', 'accounts.loggedOut');
  });

  app.get('/account/signup', async (req, reply) => sendPage(reply, <SignUpPage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post('/account/signup', { config: limit(5) }, async (req, reply) => {
    const result = validateForm(signUpSchema, readForm(req).fields);
    if (!result.ok) return sendPage(reply, <SignUpPage ctx={viewContext(req, reply)} form={result.form} />, 422);
    await signUp({ db, mailer: deps.mailer, baseUrl: deps.config.baseUrl, now: deps.now() }, { ...result.data, lang: req.lang });
    const ctx = viewContext(req, reply);
    return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('accounts.checkEmailTitle')} message={ctx.t('accounts.checkEmail')} />);
  });

  app.get('/account/confirm/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    const { cookie } = await confirmEmail({ db, now: deps.now() }, token);
    startSession(req, reply, cookie);
    return redirectWithFlash(req, reply, '/account', 'accounts.emailConfirmed');
  });

  app.get('/account/reset', async (req, reply) => sendPage(reply, <ResetRequestPage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post('/account/reset', { config: limit(5) }, async (req, reply) => {
    const result = validateForm(resetRequestSchema, readForm(req).fields);
    if (!result.ok) return sendPage(reply, <ResetRequestPage ctx={viewContext(req, reply)} form={result.form} />, 422);
    await requestPasswordReset({ db, mailer: deps.mailer, baseUrl: deps.config.baseUrl, now: deps.now() }, { ...result.data, lang: req.lang });
    const ctx = viewContext(req, reply);
    return sendPage(reply, <MessagePage ctx={ctx} title={ctx.t('accounts.checkEmailTitle')} message={ctx.t('accounts.resetSent')} />);
  });

  app.get('/account/reset/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    return sendPage(reply, <NewPasswordPage ctx={viewContext(req, reply)} form={emptyForm} token={token} />);
  });

  app.post('/account/reset/:token', { config: limit(10) }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const result = validateForm(newPasswordSchema, readForm(req).fields);
    if (!result.ok) return sendPage(reply, <NewPasswordPage ctx={viewContext(req, reply)} form={result.form} token={token} />, 422);
    const { cookie } = await resetPassword({ db, now: deps.now() }, { token, password: result.data.password });
    startSession(req, reply, cookie);
    return redirectWithFlash(req, reply, '/account', 'accounts.passwordChanged');
  });

  app.get('/account', async (req, reply) => {
    const actor = requireActor(req);
    const account = await getAccount(db, actor.id);
    if (!account) throw new NotFoundError();
    return sendPage(reply, <AccountPage ctx={viewContext(req, reply)} account={account} />);
  });
}
