// Decision 40: a JSON file is read as it streams; the top-level checks say what they said when the
// file was parsed whole, whether the file comes as text (the admin page) or as a stream (the CLI).
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWithFacts } from '../../src/features/content/index.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

const cases: [string, string][] = [
  ['{"organisations": []}', 'Unknown top-level field: "organisations".'],
  ['{"a": 1, "b": [2]}', 'Unknown top-level fields: "a", "b".'],
  ['{"__proto__": [], "events": []}', 'Unknown top-level field: "__proto__".'],
  ['{"format": "other", "events": []}', '"format" must be "timeline-export".'],
  ['{"version": 2}', 'This file was written by a newer version of Timeline (version must be 1).'],
  ['{"events": {"slug": "a"}}', '"events" must be a list.'],
];

describe(`the top-level fields of a JSON import (${testEngine()})`, () => {
  it('when a field is unknown, the format or version is not ours or a list is not a list, then the file is refused with the same message from text and from a stream', async () => {
    for (const [text, message] of cases) {
      for (const input of [text, Readable.from([text.slice(0, 7), text.slice(7)])]) {
        const r = await importWithFacts({ db: t.db, now: new Date(), userId: null }, input, { format: 'json', dryRun: true });
        expect(r.ok, text).toBe(false);
        expect(r.errors, text).toEqual([{ entity: 'file', row: 0, field: 'file', message }]);
      }
    }
  });

  it('when "facts" is not a list, then that is the one problem and nothing is written', async () => {
    const r = await importWithFacts({ db: t.db, now: new Date(), userId: null }, '{"organizations": [{"slug": "a", "name": "A"}], "facts": 3}', { format: 'json', dryRun: false });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ entity: 'facts', row: 0, field: 'facts', message: '"facts" must be a list.' }]);
    expect(await t.db.organization.count()).toBe(0);
  });
});
