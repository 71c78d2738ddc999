import { describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../dates/index.ts';
import { gapText, median, parseInstant, retryDelayMs, scoreClaim, scoreRelative, scoreResolution, splitUpcoming, statusAt } from './rules.ts';
import { signatureHeader, verifySignature } from './webhook-signature.ts';

const d = (iso: string) => new Date(iso);
const fuzzy = (text: string) => {
  const f = parseFuzzyDate(text);
  return { start: f.start, end: f.end };
};

describe('statusAt', () => {
  const may = { windowStart: d('2024-05-01T00:00:00Z'), windowEnd: d('2024-06-01T00:00:00Z') };

  it('when the window has not opened, then the claim is upcoming', () => {
    expect(statusAt(may, d('2024-04-30T23:59:59.999Z'))).toBe('upcoming');
  });

  it('when the window is open, then the claim is due, up to the last millisecond of the window', () => {
    expect(statusAt(may, d('2024-05-01T00:00:00Z'))).toBe('due');
    expect(statusAt(may, d('2024-05-31T23:59:59.999Z'))).toBe('due');
  });

  it('when the window has closed, then the claim is overdue, or still due within the grace days', () => {
    expect(statusAt(may, d('2024-06-01T00:00:00Z'))).toBe('overdue');
    expect(statusAt(may, d('2024-06-03T23:59:59Z'), 3)).toBe('due');
    expect(statusAt(may, d('2024-06-04T00:00:00Z'), 3)).toBe('overdue');
  });

  it('when the claim has an outcome, then it is resolved whatever the date', () => {
    expect(statusAt({ ...may, outcome: 'early' }, d('2023-01-01T00:00:00Z'))).toBe('resolved');
  });

  it('when a relative claim waits for an event, then it is due once that event has happened, and never overdue', () => {
    const after = { windowStart: null, windowEnd: null, afterEventStart: d('2023-12-06T00:00:00Z') };
    expect(statusAt({ ...after, afterEventStart: null }, d('2030-01-01T00:00:00Z'))).toBe('upcoming');
    expect(statusAt(after, d('2023-12-05T00:00:00Z'))).toBe('upcoming');
    expect(statusAt(after, d('2030-01-01T00:00:00Z'))).toBe('due');
  });

  it('when a claim has no date, then it never comes due', () => {
    expect(statusAt({ windowStart: null, windowEnd: null }, d('2099-01-01T00:00:00Z'))).toBe('upcoming');
  });
});

describe('scoreResolution', () => {
  it('when Gemini launched on 6 December 2023 against "mai 2024", then it was early by 147 days', () => {
    expect(scoreResolution(fuzzy('mai 2024'), fuzzy('2023-12-06'))).toEqual({ outcome: 'early', gapDays: -147 });
  });

  it('when the event starts inside the window, then the claim is met', () => {
    expect(scoreResolution(fuzzy('début 2024'), fuzzy('2024-01-18'))).toEqual({ outcome: 'met', gapDays: 0 });
    expect(scoreResolution(fuzzy('courant 2024'), fuzzy('2024-12-31'))).toEqual({ outcome: 'met', gapDays: 0 });
  });

  it('when the event falls one day either side of the window, then it is one day early or one day late', () => {
    expect(scoreResolution(fuzzy('May 2024'), fuzzy('2024-04-30'))).toEqual({ outcome: 'early', gapDays: -1 });
    expect(scoreResolution(fuzzy('May 2024'), fuzzy('2024-06-01'))).toEqual({ outcome: 'late', gapDays: 1 });
  });

  it('when the event is weeks after the window, then the gap counts to the end of the event day', () => {
    expect(scoreResolution(fuzzy('early 2024'), fuzzy('2024-07-23'))).toEqual({ outcome: 'late', gapDays: 84 });
  });

  it('when a relative claim is settled after the awaited event, then it is met; before it, early', () => {
    expect(scoreRelative(d('2023-12-06T00:00:00Z'), fuzzy('2024-04-18'))).toEqual({ outcome: 'met', gapDays: 0 });
    expect(scoreRelative(d('2023-12-06T00:00:00Z'), fuzzy('2023-12-01'))).toEqual({ outcome: 'early', gapDays: -5 });
  });
});

describe('retryDelayMs', () => {
  it('when deliveries keep failing, then the wait doubles from one minute and stops growing at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(9)).toBe(256 * 60_000);
    expect(retryDelayMs(10)).toBe(6 * 3600_000);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
  });
});

describe('median and gapText', () => {
  it('when given gaps, then the median is the middle one (the rounded mean of the two middle ones)', () => {
    expect(median([])).toBeNull();
    expect(median([-147])).toBe(-147);
    expect(median([5, -3, 10])).toBe(5);
    expect(median([1, 4])).toBe(3);
  });

  it('when a gap is shown, then it says early or late and the days', () => {
    expect(gapText(-147)).toBe('early by 147 days');
    expect(gapText(1)).toBe('late by 1 day');
    expect(gapText(0)).toBe('on time');
    expect(gapText(null)).toBeNull();
  });
});

describe('parseInstant', () => {
  it.each(['2024-05-01T00:00:00Z', '2024-05-01T02:00:00+02:00', '2024-05-01T00:00Z', '2024-02-29T12:30:15.250Z'])(
    'when given the instant %s, then it is read',
    (text) => {
      expect(parseInstant(text)?.getTime()).toBe(new Date(text).getTime());
    },
  );

  it('when the zone is an offset, then the instant is converted to UTC', () => {
    expect(parseInstant('2024-05-01T02:00:00+02:00')?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });

  it.each(['2024-05-01', '2024-05-01T00:00:00', 'yesterday', '2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T00:00:00+25:00', ''])(
    'when given %j, then it is refused',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );
});

describe('splitUpcoming', () => {
  it('when claims open within 90 days, then they are "soon"; later, relative and undated ones are "later"', () => {
    const now = d('2024-01-01T00:00:00Z');
    const items = [
      { id: 1, expected: { start: '2024-03-01T00:00:00.000Z' } },
      { id: 2, expected: { start: '2024-04-01T00:00:00.000Z' } },
      { id: 3, expected: null },
    ];
    const { soon, later } = splitUpcoming(items, now);
    expect(soon.map((i) => i.id)).toEqual([1]);
    expect(later.map((i) => i.id)).toEqual([2, 3]);
  });
});

describe('webhook signatures', () => {
  const now = d('2024-05-01T00:00:00Z');
  const t = now.getTime() / 1000;

  it('when the body and secret match, then the signature verifies', () => {
    const header = signatureHeader('secret-secret-123', t, '{"a":1}');
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, 'secret-secret-123', '{"a":1}', now)).toBe(true);
  });

  it('when the body, the secret or the time differ, then it does not', () => {
    const header = signatureHeader('secret-secret-123', t, '{"a":1}');
    expect(verifySignature(header, 'secret-secret-123', '{"a":2}', now)).toBe(false);
    expect(verifySignature(header, 'another-secret-12', '{"a":1}', now)).toBe(false);
    expect(verifySignature(header, 'secret-secret-123', '{"a":1}', new Date(now.getTime() + 600_000))).toBe(false);
    expect(verifySignature('t=1,v1=zz', 'secret-secret-123', '{"a":1}', now)).toBe(false);
  });
});

describe('scoreClaim (by shape)', () => {
  const at = (iso: string) => fuzzy(iso);
  it('when a window or interval claim is settled, then it scores exactly as scoreResolution', () => {
    for (const day of ['2023-12-06', '2024-05-15', '2024-06-01', '2024-07-23']) {
      expect(scoreClaim('window', fuzzy('mai 2024'), at(day))).toEqual(scoreResolution(fuzzy('mai 2024'), at(day)));
      expect(scoreClaim('interval', fuzzy('mai 2024'), at(day))).toEqual(scoreResolution(fuzzy('mai 2024'), at(day)));
    }
  });

  it('when a deadline "by 2027" said on 2025-02-11 is settled, then any day before its end is met and after it late', () => {
    const w = { start: d('2025-02-11T00:00:00Z'), end: d('2028-01-01T00:00:00Z') };
    expect(scoreClaim('deadline', w, at('2025-03-01'))).toEqual({ outcome: 'met', gapDays: 0 });
    expect(scoreClaim('deadline', w, at('2027-12-31'))).toEqual({ outcome: 'met', gapDays: 0 });
    expect(scoreClaim('deadline', w, at('2028-01-01'))).toEqual({ outcome: 'late', gapDays: 1 });
    expect(scoreClaim('deadline', w, at('2025-02-01'))).toEqual({ outcome: 'early', gapDays: -10 });
    expect(scoreClaim('deadline', { start: null, end: w.end }, at('2020-01-01'))).toEqual({ outcome: 'met', gapDays: 0 });
  });

  it('when an earliest date "not before 2026" is settled, then on or after it is met, before it early, and never late', () => {
    const w = { start: d('2026-01-01T00:00:00Z'), end: null };
    expect(scoreClaim('earliest', w, at('2026-01-01'))).toEqual({ outcome: 'met', gapDays: 0 });
    expect(scoreClaim('earliest', w, at('2040-06-01'))).toEqual({ outcome: 'met', gapDays: 0 });
    expect(scoreClaim('earliest', w, at('2025-12-01'))).toEqual({ outcome: 'early', gapDays: -31 });
  });

  it('when an offset claim has no known anchor, then it cannot be scored; with one, it is a window', () => {
    expect(scoreClaim('offset', { start: null, end: null }, at('2030-01-01'))).toBeNull();
    const w = { start: d('2035-03-15T00:00:00Z'), end: d('2040-03-15T00:00:00Z') };
    expect(scoreClaim('offset', w, at('2036-01-01'))).toEqual({ outcome: 'met', gapDays: 0 });
    expect(scoreClaim('offset', w, at('2041-01-01'))?.outcome).toBe('late');
  });

  it('when an earliest date has opened, then the claim is due and never overdue', () => {
    const open = { windowStart: d('2026-01-01T00:00:00Z'), windowEnd: null };
    expect(statusAt(open, d('2025-12-31T00:00:00Z'))).toBe('upcoming');
    expect(statusAt(open, d('2099-01-01T00:00:00Z'))).toBe('due');
  });
});
