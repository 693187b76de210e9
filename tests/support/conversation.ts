/**
 * Helpers for the conversation and reach tests: posting through the real forms (the signed start
 * time read from the page, the clock moved on like a person writing), and a local web server that
 * stands in for other sites (sources of mentions, pages with webmention endpoints).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestClient } from '../helpers/test-app.ts';

/** Seconds a person takes to write, moved on the test clock between showing a form and sending it. */
export const WRITING_MS = 30_000;

function stampOf(html: string): string {
  const match = /name="started" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no form stamp on the page');
  return match[1]!;
}

export function advance(t: TestApp, ms: number): void {
  t.clock.now = new Date(t.clock.now.getTime() + ms);
}

export async function postCommentForm(t: TestApp, client: TestClient, slug: string, fields: Record<string, string>, options: { reply?: number; writingMs?: number } = {}): Promise<LightMyRequestResponse> {
  const form = await client.get(`/pieces/${slug}/comment${options.reply ? `?reply=${options.reply}` : ''}`);
  if (form.statusCode !== 200) throw new Error(`comment form of ${slug}: ${form.statusCode}`);
  advance(t, options.writingMs ?? WRITING_MS);
  return client.post(`/pieces/${slug}/comments`, {
    name: 'Lou Lectrice',
    email: 'lou@private.example',
    website: '',
    body: 'Merci pour ce texte.',
    company: '',
    started: stampOf(form.body),
    ...(options.reply ? { parent_id: String(options.reply) } : {}),
    ...fields,
  });
}

export async function postResponseForm(t: TestApp, client: TestClient, slug: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
  const form = await client.get(`/pieces/${slug}/respond`);
  if (form.statusCode !== 200) throw new Error(`response form of ${slug}: ${form.statusCode}`);
  advance(t, WRITING_MS);
  return client.post(`/pieces/${slug}/responses`, {
    name: 'Rémi Répondant',
    email: 'remi@private.example',
    website: '',
    title: 'Une réponse',
    body: 'Une réponse argumentée, assez longue pour être publiée.',
    company: '',
    started: stampOf(form.body),
    ...fields,
  });
}

export interface FakePage {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer (a hanging site). */
  hang?: boolean;
}

/** A web server on 127.0.0.1 answering what the test sets per path, recording what it was asked. */
export async function startFakeSite() {
  const pages = new Map<string, FakePage>();
  const requests: { method: string; path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', body });
      const page = pages.get((req.url ?? '/').split('?')[0]!) ?? { status: 404, body: 'not here' };
      if (page.hang) return;
      res.writeHead(page.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...page.headers });
      res.end(page.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pages,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeSite = Awaited<ReturnType<typeof startFakeSite>>;
