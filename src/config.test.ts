import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, EXAMPLE_BANK_DETAILS, ibanIsValid, loadConfig, testConfig, type Config } from './config.ts';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oe-config-test-'));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SECRET = '0123456789abcdef0123456789abcdef'; // exactly 32 characters

/** Calls loadConfig and returns the ConfigError it throws (fails the test if it does not). */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe('loadConfig: defaults', () => {
  it('gives the documented defaults, with the SQLite file and a generated secret under DATA_DIR', () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    const secretFile = path.join(dir, '.app-secret');
    expect(existsSync(secretFile)).toBe(true);
    const secret = readFileSync(secretFile, 'utf8');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const expected: Config = {
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      baseUrl: 'http://127.0.0.1:3000',
      databaseUrl: undefined,
      databasePoolSize: 10,
      dataDir: dir,
      sqlitePath: path.join(dir, 'open-experience.sqlite'),
      appSecret: secret,
      smtpUrl: undefined,
      mailFrom: 'Open Experience <no-reply@open-experience.localhost>',
      editorsEmail: undefined,
      demoContent: 'auto',
      trustProxy: false,
      logLevel: 'info',
      maxUploadBytes: 5 * 1024 * 1024,
      rateLimitMultiplier: 1,
      pageCacheSeconds: 3600,
      organisationSiren: undefined,
      currency: 'EUR',
      paymentProvider: 'manual',
      manualPayment: { termDays: 7, bank: EXAMPLE_BANK_DETAILS },
      stripeSecretKey: undefined,
      stripeWebhookSecret: undefined,
      stripeApiUrl: undefined,
      mapDataLicence: { name: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
      mapTileUrl: undefined,
      mapTileAttribution: undefined,
      mapGeocoderUrl: undefined,
      commentMaxLinks: 2,
      sendWebmentions: true,
      mentionsAllowPrivateAddresses: false,
      book: { trim: { name: 'A5', widthMm: 148, heightMm: 210 }, bleedMm: 3, shipping: [{ option: 'pickup', perCopy: 0 }, { option: 'france', perCopy: 450 }, { option: 'europe', perCopy: 900 }, { option: 'world', perCopy: 1400 }] },
    };
    expect(config).toEqual(expected);
  });

  it('writes the generated secret with owner-only permissions', () => {
    const dir = tempDir();
    loadConfig({ DATA_DIR: dir });
    if (process.platform !== 'win32') expect(statSync(path.join(dir, '.app-secret')).mode & 0o777).toBe(0o600);
  });

  it('keeps the generated secret across restarts', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir }).appSecret;
    const second = loadConfig({ DATA_DIR: dir }).appSecret;
    expect(second).toBe(first);
  });

  it('reads an existing secret file, trimmed', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.app-secret'), 'existing-secret\n');
    expect(loadConfig({ DATA_DIR: dir }).appSecret).toBe('existing-secret');
  });

  it('creates a missing DATA_DIR', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.dataDir).toBe(dir);
    expect(existsSync(path.join(dir, '.app-secret'))).toBe(true);
  });

  it('resolves a relative DATA_DIR to an absolute path', () => {
    const dir = tempDir();
    const relative = path.relative(process.cwd(), dir);
    const config = loadConfig({ DATA_DIR: relative, APP_SECRET: SECRET });
    expect(config.dataDir).toBe(dir);
    expect(config.sqlitePath).toBe(path.join(dir, 'open-experience.sqlite'));
  });

  it('uses APP_SECRET when given and writes no secret file', () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, APP_SECRET: SECRET });
    expect(config.appSecret).toBe(SECRET);
    expect(existsSync(path.join(dir, '.app-secret'))).toBe(false);
  });

  it('treats empty strings as unset', () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, PORT: '', BASE_URL: '', DATABASE_URL: '', APP_SECRET: '', NODE_ENV: undefined });
    expect(config.port).toBe(3000);
    expect(config.baseUrl).toBe('http://127.0.0.1:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.env).toBe('development');
  });
});

describe('loadConfig: accepted values', () => {
  it('parses every setting', () => {
    const dir = tempDir();
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      BASE_URL: 'https://open-experience.example/',
      DATABASE_URL: 'postgresql://u:p@db/oe',
      DATABASE_POOL_SIZE: '20',
      DATA_DIR: dir,
      APP_SECRET: SECRET,
      SMTP_URL: 'smtps://mail.example:465',
      MAIL_FROM: 'OE <oe@example.org>',
      EDITORS_EMAIL: 'redaction@example.org',
      DEMO_CONTENT: 'never',
      TRUST_PROXY: 'yes',
      LOG_LEVEL: 'warn',
      MAX_UPLOAD_MB: '2.5',
      RATE_LIMIT_MULTIPLIER: '3',
      PAGE_CACHE_SECONDS: '0',
      ORGANISATION_SIREN: '123456789',
      MAP_DATA_LICENCE: 'CC-BY-4.0',
      MAP_DATA_LICENCE_URL: 'https://creativecommons.org/licenses/by/4.0/',
      MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© Tiles Example',
      MAP_GEOCODER_URL: 'https://geocoder.example/search',
      PAYMENT_TERM_DAYS: '10',
      BANK_ACCOUNT_HOLDER: 'Association Open Experience',
      BANK_IBAN: 'fr14 2004 1010 0505 0001 3m02 606',
      BANK_BIC: 'psstfrppxxx',
    });
    expect(config).toEqual({
      env: 'production',
      port: 8080,
      host: '0.0.0.0',
      baseUrl: 'https://open-experience.example',
      databaseUrl: 'postgresql://u:p@db/oe',
      databasePoolSize: 20,
      dataDir: dir,
      sqlitePath: path.join(dir, 'open-experience.sqlite'),
      appSecret: SECRET,
      smtpUrl: 'smtps://mail.example:465',
      mailFrom: 'OE <oe@example.org>',
      editorsEmail: 'redaction@example.org',
      demoContent: 'never',
      trustProxy: true,
      logLevel: 'warn',
      maxUploadBytes: Math.round(2.5 * 1024 * 1024),
      rateLimitMultiplier: 3,
      pageCacheSeconds: 0,
      organisationSiren: '123456789',
      currency: 'EUR',
      paymentProvider: 'manual',
      manualPayment: { termDays: 10, bank: { holder: 'Association Open Experience', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPXXX', example: false } },
      stripeSecretKey: undefined,
      stripeWebhookSecret: undefined,
      stripeApiUrl: undefined,
      mapDataLicence: { name: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      mapTileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
      mapTileAttribution: '© Tiles Example',
      mapGeocoderUrl: 'https://geocoder.example/search',
      commentMaxLinks: 2,
      sendWebmentions: true,
      mentionsAllowPrivateAddresses: false,
      book: { trim: { name: 'A5', widthMm: 148, heightMm: 210 }, bleedMm: 3, shipping: [{ option: 'pickup', perCopy: 0 }, { option: 'france', perCopy: 450 }, { option: 'europe', perCopy: 900 }, { option: 'world', perCopy: 1400 }] },
    } satisfies Config);
  });

  it.each([
    [{ HOST: '0.0.0.0' }, 'http://localhost:3000'],
    [{ HOST: 'example.test', PORT: '81' }, 'http://example.test:81'],
    [{ BASE_URL: 'https://oe.example' }, 'https://oe.example'],
    [{ BASE_URL: 'https://oe.example/' }, 'https://oe.example'],
    [{ BASE_URL: 'https://oe.example/sub/' }, 'https://oe.example/sub'],
  ])('%j → baseUrl %s', (env, expected) => {
    expect(loadConfig({ DATA_DIR: tempDir(), APP_SECRET: SECRET, ...env }).baseUrl).toBe(expected);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('TRUST_PROXY=%s → %s', (value, expected) => {
    expect(loadConfig({ DATA_DIR: tempDir(), APP_SECRET: SECRET, TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it.each([['0'], ['65535'], ['3000']])('PORT=%s is accepted', (value) => {
    expect(loadConfig({ DATA_DIR: tempDir(), APP_SECRET: SECRET, PORT: value }).port).toBe(Number(value));
  });

  it('accepts postgres:// as well as postgresql://', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), APP_SECRET: SECRET, DATABASE_URL: 'postgres://x' }).databaseUrl).toBe('postgres://x');
  });

  it('production with SQLite does not require APP_SECRET', () => {
    const dir = tempDir();
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir });
    expect(config.env).toBe('production');
    expect(config.appSecret).toBe(readFileSync(path.join(dir, '.app-secret'), 'utf8'));
  });

  it('development with PostgreSQL does not require APP_SECRET', () => {
    const dir = tempDir();
    expect(loadConfig({ DATABASE_URL: 'postgres://x', DATA_DIR: dir }).databaseUrl).toBe('postgres://x');
  });
});

describe('loadConfig: bad values throw a ConfigError naming the variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'sqlite:./db'],
    ['BASE_URL', 'not-a-url'],
    ['APP_SECRET', 'too-short'],
    ['APP_SECRET', 'x'.repeat(31)],
    ['NODE_ENV', 'staging'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', '101'],
    ['SMTP_URL', 'http://mail.example'],
    ['EDITORS_EMAIL', 'not-an-email'],
    ['DEMO_CONTENT', 'always'],
    ['TRUST_PROXY', 'maybe'],
    ['LOG_LEVEL', 'verbose'],
    ['MAX_UPLOAD_MB', '0'],
    ['MAX_UPLOAD_MB', '51'],
    ['RATE_LIMIT_MULTIPLIER', '-1'],
    ['MAIL_FROM', 'ab'],
  ])('%s=%j', (variable, value) => {
    const dir = tempDir();
    const error = configError({ DATA_DIR: dir, [variable]: value });
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toContain(`  - ${variable}: `);
    expect(error.message.startsWith('Invalid configuration:\n')).toBe(true);
    // Validation fails before any secret is generated.
    expect(existsSync(path.join(dir, '.app-secret'))).toBe(false);
  });

  it('explains what is expected', () => {
    expect(configError({ DATA_DIR: tempDir(), DATABASE_URL: 'mysql://x' }).problems).toEqual([
      'DATABASE_URL: must be a postgres:// URL (leave it unset for the embedded SQLite)',
    ]);
    expect(configError({ DATA_DIR: tempDir(), APP_SECRET: 'short' }).problems).toEqual([
      'APP_SECRET: must be at least 32 characters (e.g. `openssl rand -hex 32`)',
    ]);
    expect(configError({ DATA_DIR: tempDir(), BASE_URL: 'not-a-url' }).problems).toEqual([
      'BASE_URL: must be an absolute URL such as https://open-experience.example',
    ]);
  });

  it('lists every problem at once', () => {
    const error = configError({ DATA_DIR: tempDir(), PORT: 'abc', DATABASE_URL: 'mysql://x', APP_SECRET: 'short' });
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['APP_SECRET', 'DATABASE_URL', 'PORT']);
  });

  it('production + DATABASE_URL without APP_SECRET throws', () => {
    const dir = tempDir();
    const error = configError({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/oe', DATA_DIR: dir });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.startsWith('APP_SECRET: required in production with PostgreSQL')).toBe(true);
    expect(error.message).toContain('APP_SECRET');
    expect(existsSync(path.join(dir, '.app-secret'))).toBe(false);
  });

  it('production + DATABASE_URL with APP_SECRET is fine', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/oe', APP_SECRET: SECRET, DATA_DIR: tempDir() });
    expect(config.appSecret).toBe(SECRET);
  });
});

describe('testConfig', () => {
  it('is in-memory and silent, and accepts overrides', () => {
    const config = testConfig();
    expect(config.env).toBe('test');
    expect(config.sqlitePath).toBe(':memory:');
    expect(config.logLevel).toBe('silent');
    expect(config.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(testConfig({ port: 1234 }).port).toBe(1234);
  });
});

describe('loadConfig: conversation settings', () => {
  it('reads the comment link threshold and the webmention switches, and refuses private fetches in production', () => {
    const config = loadConfig({ DATA_DIR: tempDir(), APP_SECRET: SECRET, COMMENT_MAX_LINKS: '5', SEND_WEBMENTIONS: 'false', MENTIONS_ALLOW_PRIVATE_ADDRESSES: 'true' });
    expect([config.commentMaxLinks, config.sendWebmentions, config.mentionsAllowPrivateAddresses]).toEqual([5, false, true]);
    expect(configError({ DATA_DIR: tempDir(), APP_SECRET: SECRET, COMMENT_MAX_LINKS: '-1' }).problems.join()).toContain('COMMENT_MAX_LINKS');
    expect(configError({ DATA_DIR: tempDir(), APP_SECRET: SECRET, NODE_ENV: 'production', MENTIONS_ALLOW_PRIVATE_ADDRESSES: 'true' }).problems.join()).toContain('never in production');
  });
});

describe('loadConfig: manual payment', () => {
  it('checks an IBAN’s check digits', () => {
    expect(ibanIsValid('FR1420041010050500013M02606')).toBe(true);
    expect(ibanIsValid(EXAMPLE_BANK_DETAILS.iban)).toBe(true);
    expect(ibanIsValid('FR1420041010050500013M02607')).toBe(false);
    expect(ibanIsValid('FR14')).toBe(false);
  });

  it('shows the example account outside production when none is configured, and none in production', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), APP_SECRET: SECRET }).manualPayment.bank).toEqual({ ...EXAMPLE_BANK_DETAILS, example: true });
    expect(loadConfig({ DATA_DIR: tempDir(), APP_SECRET: SECRET, NODE_ENV: 'production' }).manualPayment).toEqual({ termDays: 7, bank: null });
  });

  it.each([
    [{ PAYMENT_TERM_DAYS: '0' }, 'PAYMENT_TERM_DAYS'],
    [{ PAYMENT_TERM_DAYS: '61' }, 'PAYMENT_TERM_DAYS'],
    [{ PAYMENT_TERM_DAYS: 'sept' }, 'PAYMENT_TERM_DAYS'],
    [{ BANK_IBAN: 'FR1420041010050500013M02607', BANK_ACCOUNT_HOLDER: 'Asso' }, 'BANK_IBAN: must be a valid IBAN'],
    [{ BANK_IBAN: 'FR1420041010050500013M02606' }, 'BANK_IBAN: give BANK_IBAN and BANK_ACCOUNT_HOLDER together'],
    [{ BANK_ACCOUNT_HOLDER: 'Asso' }, 'BANK_IBAN: give BANK_IBAN and BANK_ACCOUNT_HOLDER together'],
    [{ BANK_BIC: 'PSSTFRPP' }, 'BANK_IBAN: give BANK_IBAN and BANK_ACCOUNT_HOLDER together'],
    [{ BANK_IBAN: 'FR1420041010050500013M02606', BANK_ACCOUNT_HOLDER: 'Asso', BANK_BIC: 'PSST' }, 'BANK_BIC'],
  ])('%j is refused, naming %s', (env, expected) => {
    expect(configError({ DATA_DIR: tempDir(), APP_SECRET: SECRET, ...env }).problems.join('\n')).toContain(expected);
  });
});
