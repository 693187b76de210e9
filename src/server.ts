/**
 * Starts the site: configuration, database, migrations, baseline (and demo content on a brand-new
 * embedded database), then HTTP. SIGTERM/SIGINT finish in-flight requests before closing.
 */
import path from 'node:path';
import { pino } from 'pino';
import { buildApp, loggerOptions } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureBaseline } from './baseline/ensure-baseline.ts';
import { DEMO_ACCOUNTS, isEmptyProgramme, seedDemo } from './modules/demo/index.ts';
import { createMailer } from './shared/mailer.ts';

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

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown took more than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await app.close();
    await database.close();
    mailer.close();
    logger.info('bye');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Deliver the outbox (emails, refunds): what this instance and the others wrote.
  app.outbox.start();
  logger.info({ url: config.baseUrl, database: database.dialect }, 'Open Experience is running');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
