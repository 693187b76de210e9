/**
 * A local stand-in for Stripe's API, for the real Stripe library to talk to (config
 * STRIPE_API_URL): it creates Checkout sessions and refunds, or fails on demand like an outage,
 * and records each request with its Idempotency-Key. No network leaves the machine.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeStripe {
  url: string;
  /** What the next calls get: 'ok', or 'error' (a 500, as during an outage). */
  mode: { checkout: 'ok' | 'error'; refund: 'ok' | 'error' };
  requests: { path: string; idempotencyKey: string | undefined; body: string }[];
  /** Sessions created, by idempotency key (a retried request gets the same session, as Stripe does). */
  sessions: Map<string, { id: string; url: string }>;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const state = {
    mode: { checkout: 'ok' as 'ok' | 'error', refund: 'ok' as 'ok' | 'error' },
    requests: [] as FakeStripe['requests'],
    sessions: new Map<string, { id: string; url: string }>(),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      state.requests.push({ path: req.url ?? '', idempotencyKey, body });
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
        res.end(JSON.stringify(json));
      };
      const outage = () => reply(500, { error: { type: 'api_error', message: 'The fake Stripe is down.' } });
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        if (state.mode.checkout === 'error') return outage();
        const key = idempotencyKey ?? randomBytes(8).toString('hex');
        let session = state.sessions.get(key);
        if (!session) {
          const id = `cs_test_${randomBytes(12).toString('hex')}`;
          session = { id, url: `https://checkout.stripe.test/pay/${id}` };
          state.sessions.set(key, session);
        }
        return reply(200, { id: session.id, object: 'checkout.session', url: session.url, payment_status: 'unpaid', status: 'open' });
      }
      if (req.method === 'POST' && req.url === '/v1/refunds') {
        if (state.mode.refund === 'error') return outage();
        const amount = Number(new URLSearchParams(body).get('amount') ?? 0);
        return reply(200, { id: `re_${randomBytes(8).toString('hex')}`, object: 'refund', status: 'succeeded', amount });
      }
      reply(404, { error: { type: 'invalid_request_error', message: `no route ${req.method} ${req.url}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    requests: state.requests,
    sessions: state.sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nobody listens on: Stripe "unreachable". */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
