import fs from 'node:fs';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../../src/platform/db.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';
import { signIn } from '../helpers/admin-session.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close().catch(() => undefined);
  t = undefined;
});

// The database file itself is SQLite's: on PostgreSQL these checks read the known table only.
describe('GET /healthz and the database file the server opened', () => {
  it('when the database answers, then /healthz answers 200', async () => {
    t = await createTestApp();
    await request(t.app).get('/healthz').expect(200);
  });

  it('when the SQLite file is deleted under the running server, then /healthz answers 503', async () => {
    t = await createTestApp();
    await request(t.app).get('/healthz').expect(200);
    if (testEngine() !== 'sqlite') return;
    const file = sqliteFilePath(t.config.databaseUrl);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const res = await request(t.app).get('/healthz').expect(503);
    expect(res.body.database).toBe('down');
  });

  it('when the SQLite file is replaced by junk, then /healthz answers 503', async () => {
    t = await createTestApp();
    await request(t.app).get('/healthz').expect(200);
    if (testEngine() !== 'sqlite') return;
    const file = sqliteFilePath(t.config.databaseUrl);
    fs.rmSync(file);
    fs.writeFileSync(file, Buffer.alloc(64 * 1024, 'junk'));
    await request(t.app).get('/healthz').expect(503);
  });
});

// Issue 12, defect 6: the admin fails closed. A request that cannot be saved where it will last
// is answered 503, never a 500 and never a 303 that claims success.
describe('the admin and the API when the database file is deleted or replaced under the server', () => {
  const signedInApp = async () => {
    t = await createTestApp({ seed: true });
    const session = await signIn(t.app, t.db, 'editor');
    return { ...session, file: sqliteFilePath(t.config.databaseUrl) };
  };

  it('when the SQLite file is deleted, then saving a form answers 503 and nothing is acknowledged', async () => {
    if (testEngine() !== 'sqlite') return;
    const { agent, token, file } = await signedInApp();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const res = await agent.post('/admin/organizations').type('form').send({ _csrf: token, name: 'Lost Labs' });
    expect(res.status).toBe(503);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toMatch(/database/i);
    const page = await agent.get('/admin');
    expect(page.status).toBe(503);
  });

  it('when the SQLite file is replaced by another file, then admin pages answer 503', async () => {
    if (testEngine() !== 'sqlite') return;
    const { agent, file } = await signedInApp();
    await agent.get('/admin').expect(200);
    fs.rmSync(file);
    fs.writeFileSync(file, Buffer.alloc(64 * 1024, 'junk'));
    expect((await agent.get('/admin/organizations')).status).toBe(503);
  });

  it('when the SQLite file is overwritten with junk in place, then admin pages and the API never answer 500', async () => {
    if (testEngine() !== 'sqlite') return;
    const { agent, file } = await signedInApp();
    await agent.get('/admin').expect(200);
    fs.writeFileSync(file, Buffer.alloc(256 * 1024, 'junk'));
    // Pages may still be served from what the open connection holds; a query that meets the junk answers 503.
    expect([200, 503]).toContain((await agent.get('/admin/organizations')).status);
    expect([200, 503]).toContain((await request(t!.app).get('/api/v1/organizations')).status);
  });
});
