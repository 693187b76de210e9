/**
 * Every error path ends on the site's own error page, with the headers every page carries — even
 * when the error happened while sending (a header a socket refuses), and even when the error page
 * itself fails.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { DEFAULT_LANG } from '../i18n/index.ts';
import { registerErrorHandling } from './error-handler.tsx';

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify({ logger: false });
  app.decorate('site', { baseUrl: 'http://localhost', appSecret: 'x'.repeat(32), assets: { css: '/c.css', js: '/j.js', checkinJs: '/k.js', checkinCss: '/k.css' }, maxUploadBytes: 1024 * 1024 });
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', DEFAULT_LANG);
  app.decorateRequest('isMultipart', () => false);
  await app.register(fastifyCookie);
  registerErrorHandling(app);
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', "default-src 'self'");
  });
  // Each of these would fail only once the reply is being written.
  app.get('/newline', async (_req, reply) => reply.redirect('/\n/x', 303));
  app.get('/carriage', async (_req, reply) => reply.redirect('/\r/x', 303));
  app.get('/euro', async (_req, reply) => reply.redirect('/€', 303));
  // A redirect built from a decoded path parameter (issue 12's fuzz test found /book/😀/html).
  app.get('/emoji-slug', async (_req, reply) => reply.redirect(`/book/${decodeURIComponent('%F0%9F%98%80')}/html/index.html`, 303));
  app.get('/bad-header', async (_req, reply) => reply.header('x-note', 'a\nb').send('hello'));
  app.get('/throws', async () => {
    throw new Error('boom');
  });
  // A refusal whose way back itself fails: the last resort still answers with the headers.
  app.post('/broken-back', { config: { back: () => { throw new Error('no way back'); } } }, async () => {
    throw new AppError('sold_out', 409, 'errors.conflict');
  });
  await app.ready();
});

afterAll(async () => app.close());

describe('the error handler', () => {
  it.each([
    ['/newline', '/%0A/x'],
    ['/carriage', '/%0D/x'],
    ['/euro', '/%E2%82%AC'],
    ['/emoji-slug', '/book/%F0%9F%98%80/html/index.html'],
  ])('percent-encodes what a header cannot carry in the redirect of %s', async (url, location) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(location);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/bad-header', '/throws'])('answers %s with the site error page and its headers', async (url) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<main');
    expect(res.body).not.toContain('ERR_INVALID_CHAR');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'self'");
    expect(res.headers.location).toBeUndefined();
  });

  it('falls back to a plain page, with the headers, when the error page itself fails', async () => {
    const res = await app.inject({ method: 'POST', url: '/broken-back' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain("Unexpected error");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
