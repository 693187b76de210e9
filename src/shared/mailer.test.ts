import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer.ts';

const silent = { info: () => undefined, error: () => undefined };

describe('mailer', () => {
  const received: { from: string; to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers through a real SMTP server when SMTP_URL is set', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Open Experience <no-reply@oe.test>', outboxDir: '/nonexistent', logger: silent });
    await mailer.send({ to: 'zoe@example.org', subject: 'Confirmez votre adresse', text: 'Bonjour Zoé,\nhttps://oe.test/account/confirm/abc' });
    mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('no-reply@oe.test');
    expect(received[0]!.to).toEqual(['zoe@example.org']);
    expect(received[0]!.raw).toMatch(/Subject: Confirmez votre adresse/);
    expect(received[0]!.raw).toContain('https://oe.test/account/confirm/abc');
  });

  it('writes an .eml file to the outbox when no SMTP server is configured, and logs no address', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oe-outbox-'));
    const logs: unknown[] = [];
    try {
      const mailer = createMailer({ from: 'oe@oe.test', outboxDir: dir, logger: { info: (o: unknown) => logs.push(o), error: () => undefined } });
      await mailer.send({ to: 'private@example.org', subject: 'Hello', text: 'Body text' });
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = readFileSync(path.join(dir, files[0]!), 'utf8');
      expect(eml).toContain('To: private@example.org');
      expect(eml).toContain('Body text');
      expect(JSON.stringify(logs)).not.toContain('private@example.org');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops an email to an erased address (the reserved .invalid domain) instead of trying it', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'oe@oe.test', outboxDir: '/nonexistent', logger: silent });
    const before = received.length;
    await mailer.send({ to: 'erased.order.7@erased.invalid', subject: 'Rappel', text: 'Body' });
    await mailer.send({ to: 'still-here@example.org', subject: 'Rappel', text: 'Body' });
    mailer.close();
    expect(received.slice(before).map((r) => r.to)).toEqual([['still-here@example.org']]);
  });
});
