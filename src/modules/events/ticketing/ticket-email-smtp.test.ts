/** The ticket email as a person receives it: sent through a real (local) SMTP server, read back from it. */
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { testConfig } from '../../../config.ts';
import { createMailer } from '../../../shared/mailer.ts';
import { TestClient } from '../../../../tests/helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/test-database.ts';
import { makeTicketedEvent } from '../../../../tests/helpers/ticketing-fixtures.ts';
import type { FastifyInstance } from 'fastify';

describe('ticket email over SMTP', () => {
  const received: { to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    db = await createTestDatabase('sqlite');
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Open Experience <billets@oe.test>', outboxDir: '/nonexistent', logger: { info: () => undefined, error: () => undefined } });
    app = await buildApp({ config: testConfig(), database: db, mailer, now: () => new Date('2026-06-01T10:00:00Z') });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the tickets with a QR code image and a calendar file', async () => {
    const event = await makeTicketedEvent(db.db, { capacity: 10, price: 0, maxPerOrder: 2 });
    const client = new TestClient(app);
    const page = await client.get(`/events/${event.slug}`);
    const key = /name="key" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await client.post(`/events/${event.slug}/order`, { ticket_type_id: String(event.typeId), quantity: '2', name: 'Léna Lecteur', email: 'lena@example.org', key });
    expect(res.statusCode).toBe(303);
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(['lena@example.org']);
    expect(mail.raw).toMatch(/Content-Type: image\/png;\s*name=billet-1-/);
    expect(mail.raw).toMatch(/Content-Type: image\/png;\s*name=billet-2-/);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar/);
    // The text part is quoted-printable: undo soft line breaks and "=3D" before reading the link.
    const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(text).toMatch(/\/orders\/[\w-]+\?token=[\w-]{20,}/);
  });
});
