/** The command-line tasks, run as a newcomer would run them (on the built CLI). */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/database.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'oe-cli-'));
// vitest sets BASE_URL=/ in its own environment; the CLI must get a real one.
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '', BASE_URL: 'http://127.0.0.1:3000' };
const cli = (...args: string[]) => run(process.execPath, ['dist/cli.js', ...args], { env });

describe('cli', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, creates the first admin, refuses a duplicate and a weak password', async () => {
    const first = await cli('migrate').catch((e: { stderr: string }) => { throw new Error(e.stderr); });
    expect(first.stdout).toContain('Applied: 001-foundation');
    expect((await cli('migrate')).stdout).toContain('up to date');
    const created = await cli('create-admin', '--email', 'First@Example.org', '--name', 'Première Admin', '--password', 'a strong password');
    expect(created.stdout).toMatch(/Admin account #\d+ created for first@example\.org/);
    await expect(cli('create-admin', '--email', 'first@example.org', '--name', 'Again', '--password', 'a strong password')).rejects.toMatchObject({ code: 1 });
    await expect(cli('create-admin', '--email', 'weak@example.org', '--name', 'Weak', '--password', 'short')).rejects.toMatchObject({ code: 2 });
    await expect(cli('explode')).rejects.toMatchObject({ code: 2 });
    const database = createDatabase({ sqlitePath: path.join(dataDir, 'open-experience.sqlite') });
    try {
      const users = await database.db.selectFrom('users').select(['email', 'role', 'email_confirmed_at']).execute();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'first@example.org', role: 'admin' });
      expect(users[0]!.email_confirmed_at).not.toBeNull();
      // The command line acts as the system: the trail says an account was created, by nobody.
      const trail = await database.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('subject_type', '=', 'user').execute();
      expect(trail).toEqual([{ action: 'account.created', actor_user_id: null }]);
    } finally {
      await database.close();
    }
    // Demo content is only ever written to an empty database.
    await expect(cli('seed-demo')).rejects.toMatchObject({ code: 1 });
    // Six processes, each starting Node.js: slow on a loaded two-core machine.
  }, 120_000);

  it('stops with a message naming the bad variable', async () => {
    await expect(run(process.execPath, ['dist/cli.js', 'migrate'], { env: { ...env, PORT: 'abc' } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('PORT'),
    });
  });
});
