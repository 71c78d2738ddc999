import fs from 'node:fs';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../../src/platform/db.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testEngine } from '../helpers/db.ts';

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
