/**
 * The one place that reads `process.env`. Every setting is validated at start; a bad or missing
 * value stops the process with a message naming the variable and what is expected.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z.url({ message: 'must be an absolute URL such as https://open-experience.example' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for the embedded SQLite)')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Open Experience <no-reply@open-experience.localhost>'),
  EDITORS_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  DEMO_CONTENT: z.enum(['auto', 'never']).default('auto'),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(50).default(5),
  RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().default(1),
  PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(86_400).default(3600),
  ORGANISATION_SIREN: z.string().regex(/^\d{9}$/, 'must be the 9 digits of the organisation’s SIREN').optional(),
  PAYMENT_PROVIDER: z.enum(['manual', 'stripe']).default('manual'),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)').optional(),
  STRIPE_API_URL: z.url({ message: 'must be an absolute URL such as http://localhost:12111 (stripe-mock)' }).optional(),
  CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),
  PAYMENT_TERM_DAYS: z.coerce.number().int().min(1, 'must be at least 1 day').max(60, 'must be at most 60 days').default(7),
  BANK_ACCOUNT_HOLDER: z.string().trim().min(2).max(140).optional(),
  BANK_IBAN: z
    .string()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .refine(ibanIsValid, 'must be a valid IBAN (its check digits do not match)')
    .optional(),
  BANK_BIC: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$/, 'must be a BIC of 8 or 11 characters')
    .transform((v) => v.toUpperCase())
    .optional(),
  MAP_DATA_LICENCE: z.string().trim().min(2).max(60).default('ODbL-1.0'),
  MAP_DATA_LICENCE_URL: z.url({ message: 'must be an absolute URL (the licence text)' }).default('https://opendatacommons.org/licenses/odbl/1-0/'),
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s"'<>]+$/, 'must be an http(s) URL template such as https://tiles.example/{z}/{x}/{y}.png')
    .refine((v) => v.includes('{z}') && v.includes('{x}') && v.includes('{y}'), 'must contain {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().trim().max(300).optional(),
  MAP_GEOCODER_URL: z.url({ message: 'must be an absolute URL of a Nominatim-compatible /search endpoint' }).optional(),
  COMMENT_MAX_LINKS: z.coerce.number().int().min(0).max(50).default(2),
  SEND_WEBMENTIONS: booleanFlag.default(true),
  MENTIONS_ALLOW_PRIVATE_ADDRESSES: booleanFlag.default(false),
  BOOK_TRIM_SIZE: z
    .string()
    .regex(/^(A5|A4|B5|US-TRADE|\d{2,3}x\d{2,3})$/i, 'must be A5, A4, B5, US-TRADE or WIDTHxHEIGHT in millimetres (e.g. 140x215)')
    .default('A5'),
  BOOK_BLEED_MM: z.coerce.number().min(0).max(10).default(3),
  BOOK_SHIPPING: z
    .string()
    .regex(/^(pickup|france|europe|world):\d{1,4}([.,]\d{1,2})?(,(pickup|france|europe|world):\d{1,4}([.,]\d{1,2})?)*$/, 'must list shipping options with their postage per copy in euros, e.g. pickup:0,france:4.50,world:12')
    .default('pickup:0,france:4.50,europe:9,world:14'),
});

/** An IBAN's shape and its ISO 13616 check digits (mod 97). */
export function ibanIsValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** Where buyers paying by transfer send their money; `example`: the demo's made-up account, said so everywhere it shows. */
export interface BankDetails {
  holder: string;
  iban: string;
  bic: string | undefined;
  example: boolean;
}

/**
 * The made-up account a development or demo site shows when none is configured, so a newcomer
 * sees the whole transfer process on the first start (always marked as an example).
 */
export const EXAMPLE_BANK_DETAILS: BankDetails = { holder: 'Association Open Experience', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', example: true };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  sqlitePath: string;
  appSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  editorsEmail: string | undefined;
  demoContent: 'auto' | 'never';
  trustProxy: boolean;
  logLevel: string;
  maxUploadBytes: number;
  /** Scales every rate limit (tests raise it; never below 1 in production). */
  rateLimitMultiplier: number;
  /** How long an instance may serve a rendered public page to anonymous visitors (0: never). */
  pageCacheSeconds: number;
  /** The organisation's SIREN, needed for the accountant's FEC export. */
  organisationSiren: string | undefined;
  /** The ledger's one currency (ISO 4217). */
  currency: string;
  /** Where paid tickets are paid: manual (transfer, at the door) or Stripe Checkout. */
  paymentProvider: 'manual' | 'stripe';
  /**
   * Paying by transfer: how many days a manual order holds its seats (never past the evening's
   * start), and the account to pay into (none in production until configured: the order page
   * then asks buyers to wait for the organisers' instructions).
   */
  manualPayment: { termDays: number; bank: BankDetails | null };
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  /** Another Stripe API endpoint (stripe-mock in staging, a local fake in tests); unset: Stripe's own. */
  stripeApiUrl: string | undefined;
  /** The map's open data licence, stated in every export (docs/decisions/016-map.md). */
  mapDataLicence: { name: string; url: string };
  /** A raster tile server for the map (`{z}/{x}/{y}` template); unset: the bundled offline outlines only. */
  mapTileUrl: string | undefined;
  mapTileAttribution: string | undefined;
  /** A Nominatim-compatible search endpoint asked when the bundled gazetteer knows no such city. */
  mapGeocoderUrl: string | undefined;
  /** A comment or response with more links than this waits for an editor. */
  commentMaxLinks: number;
  /** Send webmentions to the pages our published pieces link to. */
  sendWebmentions: boolean;
  /**
   * Let webmention and pingback fetches reach loopback, private and link-local addresses. Never in
   * production (server-side request forgery): two local instances mentioning each other in tests.
   */
  mentionsAllowPrivateAddresses: boolean;
  /** The paper book: its trim size, the bleed of the printer's PDF, and how copies are shipped (docs/decisions/018-book.md). */
  book: BookSettings;
}

export type ShippingOption = 'pickup' | 'france' | 'europe' | 'world';

export interface BookSettings {
  trim: { name: string; widthMm: number; heightMm: number };
  /** Millimetres of bleed around each page of the printer's PDF (0: none). */
  bleedMm: number;
  /** The shipping options offered in the shop, with their postage per copy in cents. */
  shipping: { option: ShippingOption; perCopy: number }[];
}

const TRIM_SIZES: Record<string, [number, number]> = { A5: [148, 210], A4: [210, 297], B5: [176, 250], 'US-TRADE': [152, 229] };

/** Reads BOOK_TRIM_SIZE and BOOK_SHIPPING (already checked by their patterns). */
function bookSettings(trim: string, bleedMm: number, shipping: string): BookSettings {
  const named = TRIM_SIZES[trim.toUpperCase()];
  const [widthMm, heightMm] = named ?? (trim.toLowerCase().split('x').map(Number) as [number, number]);
  const options = shipping.split(',').map((entry) => {
    const [option, euros] = entry.split(':') as [ShippingOption, string];
    return { option, perCopy: Math.round(Number(euros.replace(',', '.')) * 100) };
  });
  return { trim: { name: named ? trim.toUpperCase() : `${widthMm}×${heightMm} mm`, widthMm, heightMm }, bleedMm, shipping: options };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (defaults to `process.env`). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.PAYMENT_PROVIDER === 'stripe' && (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError(['PAYMENT_PROVIDER: stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET']);
  }
  if ((e.BANK_IBAN === undefined) !== (e.BANK_ACCOUNT_HOLDER === undefined) || (e.BANK_BIC !== undefined && e.BANK_IBAN === undefined)) {
    throw new ConfigError(['BANK_IBAN: give BANK_IBAN and BANK_ACCOUNT_HOLDER together (BANK_BIC is optional)']);
  }
  if (e.NODE_ENV === 'production' && e.MENTIONS_ALLOW_PRIVATE_ADDRESSES) {
    throw new ConfigError(['MENTIONS_ALLOW_PRIVATE_ADDRESSES: never in production (anyone could make the server fetch addresses of its own network)']);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/$/, '');
  if (e.NODE_ENV === 'production' && e.DATABASE_URL && !e.APP_SECRET) {
    throw new ConfigError([
      'APP_SECRET: required in production with PostgreSQL, and identical on every instance (sessions and CSRF tokens are signed with it)',
    ]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    sqlitePath: path.join(dataDir, 'open-experience.sqlite'),
    appSecret: e.APP_SECRET ?? localSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    editorsEmail: e.EDITORS_EMAIL,
    demoContent: e.DEMO_CONTENT,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    rateLimitMultiplier: e.RATE_LIMIT_MULTIPLIER,
    pageCacheSeconds: e.PAGE_CACHE_SECONDS,
    organisationSiren: e.ORGANISATION_SIREN,
    currency: e.CURRENCY,
    paymentProvider: e.PAYMENT_PROVIDER,
    manualPayment: {
      termDays: e.PAYMENT_TERM_DAYS,
      bank:
        e.BANK_IBAN && e.BANK_ACCOUNT_HOLDER
          ? { holder: e.BANK_ACCOUNT_HOLDER, iban: e.BANK_IBAN, bic: e.BANK_BIC, example: false }
          : e.NODE_ENV === 'production'
            ? null
            : EXAMPLE_BANK_DETAILS,
    },
    stripeSecretKey: e.STRIPE_SECRET_KEY,
    stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET,
    stripeApiUrl: e.STRIPE_API_URL,
    mapDataLicence: { name: e.MAP_DATA_LICENCE, url: e.MAP_DATA_LICENCE_URL },
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    mapGeocoderUrl: e.MAP_GEOCODER_URL,
    commentMaxLinks: e.COMMENT_MAX_LINKS,
    sendWebmentions: e.SEND_WEBMENTIONS,
    mentionsAllowPrivateAddresses: e.MENTIONS_ALLOW_PRIVATE_ADDRESSES,
    book: bookSettings(e.BOOK_TRIM_SIZE, e.BOOK_BLEED_MM, e.BOOK_SHIPPING),
  };
}

/** The embedded default keeps a generated secret beside its database, so a restart keeps sessions. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A configuration for tests: no files are read, everything in memory unless a database URL is given. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    baseUrl: 'http://localhost:3000',
    databaseUrl: undefined,
    databasePoolSize: 5,
    dataDir: '/nonexistent-test-data-dir',
    sqlitePath: ':memory:',
    appSecret: 'test-secret-test-secret-test-secret-0123456789',
    smtpUrl: undefined,
    mailFrom: 'Open Experience <no-reply@test.localhost>',
    editorsEmail: undefined,
    demoContent: 'never',
    trustProxy: false,
    logLevel: 'silent',
    maxUploadBytes: 1024 * 1024,
    rateLimitMultiplier: 1000,
    pageCacheSeconds: 0,
    organisationSiren: '123456789',
    currency: 'EUR',
    paymentProvider: 'manual',
    manualPayment: { termDays: 7, bank: EXAMPLE_BANK_DETAILS },
    stripeSecretKey: 'sk_test_openexperience',
    stripeWebhookSecret: 'whsec_openexperiencetest',
    stripeApiUrl: undefined,
    mapDataLicence: { name: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' },
    mapTileUrl: undefined,
    mapTileAttribution: undefined,
    mapGeocoderUrl: undefined,
    commentMaxLinks: 2,
    // Tests never reach the network: a test that sends webmentions turns this on between local instances.
    sendWebmentions: false,
    mentionsAllowPrivateAddresses: false,
    book: bookSettings('A5', 3, 'pickup:0,france:4.50,europe:9,world:14'),
    ...overrides,
  };
}

/** The PostgreSQL URL that database tests also run on, when set. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}
