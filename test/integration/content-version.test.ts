import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpContentVersion, contentVersionReader, readContentVersion } from '../../src/platform/content-version.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

/** A write made by another instance: the row changes, this process is not told. */
async function writeElsewhere() {
  await t.db.contentVersion.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } });
}

describe('content version reader', () => {
  it('when another instance writes, then a reader with a TTL sees it once the TTL has passed, not before', async () => {
    let clock = 0;
    const read = contentVersionReader(t.db, 1000, () => clock);
    const first = await read();
    await writeElsewhere();
    clock = 999;
    expect(await read()).toBe(first);
    clock = 1000;
    expect(await read()).toBe(first + 1);
  });

  it('when this process writes, then the next read sees it at once', async () => {
    const clock = 0;
    const read = contentVersionReader(t.db, 60_000, () => clock);
    const before = await read();
    await bumpContentVersion(t.db);
    expect(await read()).toBe(before + 1);
  });

  it('when the TTL is 0, then every read sees writes made elsewhere', async () => {
    const read = contentVersionReader(t.db, 0);
    const before = await read();
    await writeElsewhere();
    expect(await read()).toBe(before + 1);
    expect(await read()).toBe(await readContentVersion(t.db));
  });
});
