import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Mailer } from './shared/mailer.ts';

/** What every module's routes receive: no globals, so tests build an app around their own. */
export interface AppDeps {
  config: Config;
  database: Database;
  mailer: Mailer;
  /** The clock, injectable so tests can travel in time (scheduled publication, expiry). */
  now: () => Date;
}
