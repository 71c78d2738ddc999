import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorecardFor } from '../../src/features/milestones/index.ts';
import { NotFoundError } from '../../src/platform/errors.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t.close());

const FRENCH = "Meta ambitionne de surpasser ChatGPT 4 avec son prochain modèle d’IA";

/** Cells of the row whose header links to `name` (claims, resolved, met, early, late, partly met, missed, median gap). */
function row(html: string, name: string): string[] {
  const tr = html.split('<tr>').find((r) => r.includes(`>${name}</a>`));
  if (!tr) throw new Error(`no row for ${name}`);
  return [...tr.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}

describe('GET /scorecards', () => {
  it('when the seed is loaded, then the French article’s card shows its record, the WSJ claims it relays included', async () => {
    const res = await request(t.app).get('/scorecards').expect(200);
    expect(row(res.text, FRENCH)).toEqual([
      '8 (7 relayed)',
      '8',
      '6',
      '1',
      '0',
      '1',
      '0',
      'early by 147 days',
    ]);
  });

  it('when the seed is loaded, then the Wall Street Journal and Google have their own rows', async () => {
    const res = await request(t.app).get('/scorecards').expect(200);
    expect(row(res.text, 'Meta Is Developing a New, More Powerful AI System as Technology Race Escalates')).toEqual([
      '7',
      '7',
      '6',
      '0',
      '0',
      '1',
      '0',
      '–',
    ]);
    expect(row(res.text, 'Google')).toEqual(['2', '2', '1', '1', '0', '0', '0', 'early by 147 days']);
    expect(res.text).toContain('href="/milestones/feed.atom"');
    expect(res.text).toContain('href="/milestones.ics"');
  });
});

describe('scorecardFor', () => {
  it('when asked for the French article, then it counts its own claim and the ones it relays', async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: FRENCH } });
    expect(await scorecardFor(t.db, { sourceId: source.id })).toEqual({
      claims: 8,
      relayed: 7,
      resolved: 8,
      met: 6,
      early: 1,
      late: 0,
      partlyMet: 1,
      missed: 0,
      other: 0,
      open: 0,
      medianGapDays: -147,
      medianGapLabel: 'early by 147 days',
    });
  });

  it('when asked for an organization, then it counts the claims about it', async () => {
    const meta = await t.db.organization.findUniqueOrThrow({ where: { slug: 'meta' } });
    expect(await scorecardFor(t.db, { organizationId: meta.id })).toMatchObject({ claims: 7, met: 6, partlyMet: 1, early: 0, medianGapDays: null });
  });

  it('when asked for a source that does not exist, then it is not found', async () => {
    await expect(scorecardFor(t.db, { sourceId: 999_999 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
