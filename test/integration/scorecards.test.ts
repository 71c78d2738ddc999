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

const FRENCH_PUBLISHER = 'French tech news site (name not recorded)';

/** Cells of the row whose header links to `name`, by column (data-label), tags stripped; the bar by its aria-label. */
function row(html: string, name: string): Record<string, string> {
  const tr = html.split('<tr>').find((r) => r.includes(`>${name}</a>`));
  if (!tr) throw new Error(`no row for ${name}`);
  const cells: Record<string, string> = {};
  for (const m of tr.matchAll(/<td data-label="([^"]+)"[^>]*>([\s\S]*?)<\/td>/g)) {
    cells[m[1]!] = m[1] === 'Outcomes'
      ? (m[2]!.match(/aria-label="([^"]*)"/)?.[1] ?? '')
      : m[2]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  }
  return cells;
}

/** Row names of a table (its `<th scope="row">` links), in order. */
function order(html: string, heading: string): string[] {
  const section = html.split(`id="${heading}"`)[1]!.split('</table>')[0]!;
  return [...section.matchAll(/<th scope="row">\s*<a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

describe('GET /scorecards', () => {
  it('when the seed is loaded, then the French article’s card shows its rates, the WSJ claims it relays included', async () => {
    const res = await request(t.app).get('/scorecards').expect(200);
    expect(row(res.text, FRENCH_PUBLISHER)).toEqual({
      Outcomes: '6 Met in window, 1 Early, 1 Partly met',
      Claims: '8',
      'Met in window': '75% 6/8',
      'Came true': '88%',
      Missed: '0',
      'Median gap': 'early by 147 days',
    });
    expect(res.text).toContain('7 of 8 relayed from The Wall Street Journal');
  });

  it('when the seed is loaded, then the Wall Street Journal and Google have their own rows', async () => {
    const res = await request(t.app).get('/scorecards').expect(200);
    expect(row(res.text, 'The Wall Street Journal')).toMatchObject({ Claims: '7', 'Met in window': '86% 6/7', 'Came true': '86%', 'Median gap': '–' });
    expect(row(res.text, 'Google')).toMatchObject({ Claims: '2', 'Met in window': '50% 1/2', 'Came true': '100%', 'Median gap': 'early by 147 days' });
    expect(res.text).toContain('href="/milestones/feed.atom"');
    expect(res.text).toContain('href="/milestones.ics"');
  });

  it('when sorted by a column, then the server orders the rows and marks the column, without JavaScript', async () => {
    const byName = await request(t.app).get('/scorecards').expect(200);
    expect(order(byName.text, 'organizations-heading')).toEqual(['Google', 'Meta', 'Microsoft', 'Nvidia']);
    const byRate = await request(t.app).get('/scorecards?sort=met-rate').expect(200);
    expect(order(byRate.text, 'organizations-heading')).toEqual(['Microsoft', 'Nvidia', 'Meta', 'Google']);
    expect(byRate.text).toMatch(/aria-sort="descending"><a href="\/scorecards\?sort(=|&#x3D;)met-rate">/);
    const byGap = await request(t.app).get('/scorecards?sort=gap').expect(200);
    expect(order(byGap.text, 'organizations-heading')[0]).toBe('Google');
  });

  it('when the sort is unknown, then the page says which sorts exist with status 400', async () => {
    const res = await request(t.app).get('/scorecards?sort=nonsense').expect(400);
    expect(res.text).toContain('met-rate');
  });
});

describe('scorecardFor', () => {
  it('when asked for the French article, then it counts its own claim and the ones it relays', async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: FRENCH } });
    expect(await scorecardFor(t.db, { sourceId: source.id })).toMatchObject({
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
      scored: 8,
      metRate: 0.75,
      trueRate: 0.875,
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
