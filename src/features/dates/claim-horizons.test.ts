import { describe, expect, it } from 'vitest';
import { HORIZONS } from '../../../test/fixtures/claim-horizons.ts';
import { tryParseClaimDate } from './claim-date.ts';

const day = (iso: string | null) => (iso === null ? null : `${iso}T00:00:00.000Z`);

describe('real-world horizon phrasings', () => {
  it('when the fixture is read, then it holds at least 40 sourced phrasings in English and French', () => {
    expect(HORIZONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(HORIZONS.map((h) => h.lang))).toEqual(new Set(['en', 'fr']));
    for (const h of HORIZONS) expect(h.source).toMatch(/^https?:\/\/|^\.\.\/shared\/seed\//);
  });

  it.each(HORIZONS.map((h) => [h.phrase, h.said, h] as const))('when "%s" (said %s) is read, then it gives the expected reading', (_phrase, _said, h) => {
    const r = tryParseClaimDate(h.phrase, { relativeTo: new Date(`${h.said}T00:00:00Z`) });
    if (h.expected === null) {
      expect(r.ok).toBe(false);
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.shape).toBe(h.expected.shape);
    expect(r.value.start?.toISOString() ?? null).toBe(day(h.expected.start));
    expect(r.value.end?.toISOString() ?? null).toBe(day(h.expected.end));
  });

  it('when every phrasing is read, then the count understood is reported', () => {
    const understood = HORIZONS.filter((h) => tryParseClaimDate(h.phrase, { relativeTo: new Date(`${h.said}T00:00:00Z`) }).ok).length;
    console.info(`real-world horizons understood: ${understood} of ${HORIZONS.length}`);
    expect(understood).toBe(HORIZONS.filter((h) => h.expected !== null).length);
  });
});
