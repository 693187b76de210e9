/**
 * A process of the outbox crash test (tests/outbox-crash.test.ts), killed with SIGKILL by it.
 *
 *   node --import tsx tests/helpers/outbox-child.ts place   <sqlite|postgres> <pathOrUrl> <eventId> <typeId> <count>
 *   node --import tsx tests/helpers/outbox-child.ts deliver <sqlite|postgres> <pathOrUrl> <smtpPort> <leaseMs>
 *
 * place: places <count> free orders one after the other (each commits its tickets email into the
 * outbox) with no worker running, printing `placed <n>` after each commit, then idles until killed.
 * deliver: runs the app's outbox worker, sending through SMTP on <smtpPort>, printing `started`,
 * until killed. Any error goes to stderr and ends the process with code 1.
 */
import { randomBytes } from 'node:crypto';
import { buildApp } from '../../src/app.ts';
import { testConfig } from '../../src/config.ts';
import { createDatabase, type Dialect } from '../../src/db/database.ts';
import { orderTickets } from '../../src/modules/events/index.ts';
import { createMailer } from '../../src/shared/mailer.ts';

/** The clock of the test fixtures: registration for their event is open at this time. */
const T0 = new Date('2026-06-01T10:00:00Z');

async function main(): Promise<void> {
  const [mode, dialectArg, target, ...rest] = process.argv.slice(2);
  if ((dialectArg !== 'sqlite' && dialectArg !== 'postgres') || !target) throw new Error('usage: see the header');
  const dialect: Dialect = dialectArg;
  const database = dialect === 'postgres' ? createDatabase({ databaseUrl: target, sqlitePath: '', poolSize: 2 }) : createDatabase({ sqlitePath: target });
  if (mode === 'place') {
    const [eventId, typeId, count] = rest.map(Number) as [number, number, number];
    for (let i = 0; i < count; i++) {
      await orderTickets(
        { db: database.db, actor: null, now: T0 },
        { eventId, ticketTypeId: typeId, quantity: 1, name: `Crash ${i}`, email: `crash-${i}@example.org`, offered: null, invitationCode: null, idempotencyKey: `order:${randomBytes(16).toString('base64url')}`, provider: 'manual', lang: 'fr' },
      );
      process.stdout.write(`placed ${i + 1}\n`);
    }
    setInterval(() => undefined, 1000);
    return;
  }
  if (mode === 'deliver') {
    const [smtpPort, leaseMs] = rest.map(Number) as [number, number];
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'Open Experience <billets@oe.test>', outboxDir: '/nonexistent', logger: { info: () => undefined, error: () => undefined } });
    const app = await buildApp({ config: testConfig({ databaseUrl: dialect === 'postgres' ? target : undefined }), database, mailer, now: () => new Date() }, { outbox: { leaseMs, pollMs: 100, concurrency: 1 } });
    await app.ready();
    app.outbox.start();
    process.stdout.write('started\n');
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
