// A transaction whose COMMIT fails (PostgreSQL reports a serialisation failure at commit) must
// give its connection back: Prisma 6.19 did not, so each such failure took one connection out of
// the pool for good, and the process then hung waiting for one (platform/pg-commit.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRole } from '../../src/features/auth/users.service.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { makeUser } from '../helpers/users.ts';

let t: TestDb;
beforeAll(async () => {
  // Two connections: two lost ones are enough to leave nothing for the next query.
  t = await createTestDb({ pool: { max: 2, connectTimeoutMs: 3000 } });
});
afterAll(async () => t.close());

describe('transactions that fail at commit', () => {
  it('when pairs of administrators demote each other at once, round after round, then each round keeps one administrator and the database keeps answering', async () => {
    for (let round = 0; round < 15; round++) {
      const a = await makeUser(t.db, { role: 'admin' });
      const b = await makeUser(t.db, { role: 'admin' });
      const now = new Date();
      const results = await Promise.allSettled([changeRole(t.db, a.id, 'editor', now), changeRole(t.db, b.id, 'editor', now)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await t.db.user.count({ where: { role: 'admin' } })).toBe(1);
      await t.db.user.deleteMany({});
    }
    // Both connections of the pool are still there: two transactions at once both get one.
    const both = await Promise.all([t.db.$transaction([t.db.user.count()]), t.db.$transaction([t.db.user.count()])]);
    expect(both).toEqual([[0], [0]]);
    // And none is still checked out: closing the pool waits for every connection to come back
    // (it waited forever before; 10 s only bounds the wait of a failing run).
    const closed = await Promise.race([
      t.db.$disconnect().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('a connection was never given back'), 10_000).unref()),
    ]);
    expect(closed).toBe('closed');
  });
});
