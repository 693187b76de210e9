/**
 * Starts the site: configuration, database, migrations, baseline (and demo content on a brand-new
 * embedded database), then HTTP. SIGTERM/SIGINT stop it without dropping a request: see
 * graceful-shutdown.ts and docs/decisions/020-graceful-shutdown.md.
 */
import path from 'node:path';
import { pino } from 'pino';
import { buildApp, loggerOptions } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureBaseline } from './baseline/ensure-baseline.ts';
import { DEMO_ACCOUNTS, existingAccounts, isEmptyProgramme, seedDemo } from './modules/demo/index.ts';
import { createMailer } from './shared/mailer.ts';
import { drainConnections, gracefulShutdown } from './graceful-shutdown.ts';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino(loggerOptions(config.logLevel));
  const database = createDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, poolSize: config.databasePoolSize });
  const migration = await migrateToLatest(database);
  if (migration.applied.length) logger.info({ applied: migration.applied }, 'database migrated');
  await ensureBaseline(database.db, new Date());
  if (config.demoContent === 'auto' && database.dialect === 'sqlite' && migration.wasEmpty && (await isEmptyProgramme(database.db))) {
    const seeded = await seedDemo(database.db, new Date());
    logger.info({ ...seeded, accounts: DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`) }, 'demo programme created; see the README for the demo passwords');
  }

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox'), logger });
  const app = await buildApp({ config, database, mailer, now: () => new Date() }, { logger });

  // Watched from before the first request, so that a shutdown can end every open connection cleanly.
  const connections = drainConnections(app.server);
  const shutdown = gracefulShutdown({
    connections,
    // After the drain, Fastify's close(): closes the idle sockets, waits for any last request, then
    // its onClose hooks stop the outbox worker and the modules' timers.
    closeApp: () => app.close(),
    dropConnections: () => app.server.closeAllConnections(),
    closeDatabase: () => database.close(),
    closeMailer: () => mailer.close(),
    log: logger,
    exit: (code) => process.exit(code),
  });
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Deliver the outbox (emails, refunds): what this instance and the others wrote.
  app.outbox.start();
  logger.info({ url: config.baseUrl, database: database.dialect }, `Open Experience is running at ${config.baseUrl}`);
  // A newcomer's first question: how do I log in? The demo team's passwords are in the README.
  const demoTeam = await existingAccounts(database.db, DEMO_ACCOUNTS.map((a) => a.email));
  if (demoTeam.length) {
    logger.info(
      { login: `${config.baseUrl}/account/login`, accounts: demoTeam },
      `Demo accounts: ${demoTeam.join(', ')}. Their passwords are in README.md ("Demo accounts"); log in at ${config.baseUrl}/account/login`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
