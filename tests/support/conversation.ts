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

/**
 * Fails when a page or a feed holds markup that could execute: a script other than the site's own
 * bundle and its JSON-LD, an element that embeds or redirects, an event-handler or style attribute,
 * a javascript:, vbscript: or data: address.
 */
export async function findExecutableMarkup(html: string): Promise<string[]> {
  const { Parser } = await import('htmlparser2');
  const problems: string[] = [];
  let inScript: { type: string | undefined } | null = null;
  let scriptText = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'style', 'link-import', 'applet', 'math'].includes(name)) problems.push(`<${name}>`);
        if (name === 'meta' && attributes['http-equiv']) problems.push(`<meta http-equiv=${attributes['http-equiv']}>`);
        if (name === 'script') {
          const own = attributes.src?.startsWith('/static/build/') || attributes.type === 'application/ld+json';
          if (!own) problems.push(`<script ${JSON.stringify(attributes)}>`);
          inScript = { type: attributes.type };
          scriptText = '';
        }
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) problems.push(`${name}[${attribute}]`);
          if (attribute === 'style') problems.push(`${name}[style]`);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset'].includes(attribute)) {
            // eslint-disable-next-line no-control-regex
            const scheme = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (/^(javascript|vbscript|data):/.test(scheme)) problems.push(`${name}[${attribute}=${value.slice(0, 40)}]`);
          }
        }
      },
      ontext(text) {
        if (inScript) scriptText += text;
      },
      onclosetag(name) {
        if (name === 'script' && inScript) {
          if (inScript.type === 'application/ld+json') {
            try {
              JSON.parse(scriptText);
            } catch {
              problems.push('a JSON-LD script that is not JSON (broken out of?)');
            }
          }
          inScript = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

/** Strings a hostile visitor would try: script tags, event handlers, javascript: and data: URLs, SVG payloads, SQL. */
export const HOSTILE_FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  'javascript:alert(1)',
  '[clic](javascript:alert(1))',
  '[clic](JaVaScRiPt:alert(1))',
  '[img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '</script><script>alert(1)</script>',
  "'; DROP TABLE comments; --",
  '" OR 1=1 --',
  '{{constructor.constructor("alert(1)")()}}',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '\u0000\u0002\u0003\ud800',
  '<<SCRIPT>alert("x");//<</SCRIPT>',
  '<details open ontoggle=alert(1)>',
  '[x](vbscript:msgbox(1))',
  '<a href="&#106;avascript:alert(1)">x</a>',
];
