import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('the audit of the books (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('is for admins only', async () => {
    const e = await makeUser(t.db.db, 'editor');
    const editor = t.client();
    await editor.login(e.email, PASSWORD);
    expect((await editor.get('/editor/ledger/audit')).statusCode).toBe(403);
    expect((await t.client().get('/editor/ledger/audit')).statusCode).not.toBe(200);
  });

  it('reads every line, says whether the books are sound and how long it took', async () => {
    const a = await makeUser(t.db.db, 'admin');
    const admin = t.client();
    await admin.login(a.email, PASSWORD);
    const sound = await admin.get('/editor/ledger/audit');
    expect(sound.statusCode).toBe(200);
    expect(sound.body).toContain('Les comptes sont justes.');
    expect(sound.body).toMatch(/<dt>Durée<\/dt><dd>[\d  ]+ ms<\/dd>/);
    // A line written behind the ledger's back: a transaction that does not balance.
    const tx = await t.db.db
      .insertInto('ledger_transactions')
      .values({ occurred_at: '2026-05-01T00:00:00.000Z', description: 'hors registre', label_key: null, label_params: null, cause_type: 'test', cause_id: null, idempotency_key: 'audit-test', reverses_id: null, created_by: null, created_at: '2026-05-01T00:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.db.insertInto('ledger_lines').values({ transaction_id: tx.id, account: 'assets:bank', amount: 500, event_id: null }).execute();
    const broken = await admin.get('/editor/ledger/audit');
    expect(broken.body).not.toContain('Les comptes sont justes.');
    expect(broken.body).toMatch(/\d+ anomalies trouvées/);
  });
});
