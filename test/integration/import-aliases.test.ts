// The import refuses an alias that another organization or subject holds, or will hold after the
// import, as the forms and the API do (decision 33), with a clear message per row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importData } from '../../src/features/content/index.ts';
import { createTestDb, testEngine, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.close());

const ctx = () => ({ db: t.db, now: new Date('2026-01-15T12:00:00Z'), userId: null });
const file = (parts: Record<string, unknown[]>) => JSON.stringify({ format: 'timeline-export', version: 1, ...parts });

describe(`aliases in an imported file (${testEngine()})`, () => {
  const org = (slug: string, name: string, aliases: string[]) => ({ slug, name, website: null, description: '', aliases });

  it('when an alias is the name or an alias of an organization already held, then that row is refused with a clear message and nothing is written', async () => {
    await importData(ctx(), file({ organizations: [org('google', 'Google', ['DeepMind'])] }), { format: 'json', dryRun: false });
    const r = await importData(ctx(), file({ organizations: [org('alphabet', 'Alphabet', ['Google']), org('deepmind-ltd', 'DeepMind Ltd', ['deepmind'])] }), { format: 'json', dryRun: true });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      { entity: 'organizations', row: 1, field: 'aliases', message: '“Google” is the name of another organization, “Google”. To make them one record, merge them instead.' },
      { entity: 'organizations', row: 2, field: 'aliases', message: '“deepmind” is already an alias of the organization “Google”. To make them one record, merge them instead.' },
    ]);
    const applied = await importData(ctx(), file({ organizations: [org('alphabet', 'Alphabet', ['Google'])] }), { format: 'json', dryRun: false });
    expect(applied.applied).toBe(false);
    expect(await t.db.organization.count()).toBe(1);
  });

  it('when two records of the file claim the same alias, or a name is another record\'s alias, then both rows are named', async () => {
    const r = await importData(
      ctx(),
      file({
        organizations: [org('meta', 'Meta', ['FAIR']), org('fair-lab', 'Fair Lab', ['fair']), org('brain', 'Meta', [])],
        subjects: [
          { slug: 'gpt-4', name: 'GPT-4', kind: 'model', description: '', aliases: ['GPT4'], organizations: [] },
          { slug: 'gpt4', name: 'GPT4', kind: 'model', description: '', aliases: [], organizations: [] },
        ],
      }),
      { format: 'json', dryRun: true },
    );
    expect(r.errors.map((e) => `${e.entity} ${e.row} ${e.field}`)).toEqual(['organizations 1 aliases', 'organizations 2 aliases', 'subjects 1 aliases', 'subjects 2 name']);
    expect(r.errors[3]!.message).toBe('“GPT4” is an alias of the subject “GPT-4”: choose another name, or remove that alias first.');
  });

  it('when an organization keeps its own name among its aliases, or moves an alias to another record in the same file, then the import is accepted', async () => {
    await importData(ctx(), file({ organizations: [org('google', 'Google', ['DeepMind'])] }), { format: 'json', dryRun: false });
    const r = await importData(ctx(), file({ organizations: [org('google', 'Google', ['Google']), org('deepmind', 'DeepMind Ltd', ['DeepMind'])] }), { format: 'json', dryRun: false });
    expect(r.errors).toEqual([]);
    expect(r.applied).toBe(true);
  });
});
