import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagMilestones } from '../../src/features/milestones/index.ts';
import { bumpContentVersion } from '../../src/platform/content-version.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeEvent, makeOrganization } from '../helpers/factories.ts';
import { unresolveClaims } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true, now: '2024-07-01T00:00:00Z', env: { PUBLIC_URL: 'https://timeline.example.org/' } });
  // Two claims back to unresolved, flagged at two moments: three transitions.
  await t.db.$transaction([...unresolveClaims(t.db, ['google-gemini-may-2024', 'meta-next-model-release-2024'])]);
  await flagMilestones(t.db, new Date('2024-05-02T09:00:00Z'));
  await flagMilestones(t.db, new Date('2024-06-01T00:05:00Z'));
});
afterAll(async () => t.close());

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

interface AtomEntry {
  id: string;
  title: string | { '#text': string };
  updated: string;
  link: { '@_href': string } | { '@_href': string }[];
}

function text(v: AtomEntry['title']): string {
  return typeof v === 'string' ? v : v['#text'];
}
function href(l: AtomEntry['link']): string {
  return Array.isArray(l) ? l[0]!['@_href'] : l['@_href'];
}

async function atom(url: string) {
  const res = await request(t.app).get(url).expect(200);
  expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  const doc = xml.parse(res.text) as { feed: { title: string; updated: string; entry: AtomEntry | AtomEntry[]; link: unknown } };
  const entries = ([] as AtomEntry[]).concat(doc.feed.entry ?? []);
  return { doc, entries, res };
}

describe('GET /milestones/feed.atom', () => {
  it('when claims were flagged, then each transition is an entry, newest first, linking to the claim', async () => {
    const { doc, entries } = await atom('/milestones/feed.atom');
    expect(doc.feed.title).toBe('Timeline: milestone flags');
    const titles = entries.map((e) => text(e.title));
    expect(titles[0]).toBe('Overdue: Google releases Gemini in May 2024');
    // The other two were flagged at the same moment: their order between them is not specified.
    expect(titles.slice(1).sort()).toEqual(['Due now: Google releases Gemini in May 2024', 'Due now: Meta releases its next model during 2024']);
    expect(entries.map((e) => e.updated)).toEqual(['2024-06-01T00:05:00.000Z', '2024-05-02T09:00:00.000Z', '2024-05-02T09:00:00.000Z']);
    expect(href(entries[0]!.link)).toBe('https://timeline.example.org/milestones/google-gemini-may-2024');
    expect(new Set(entries.map((e) => e.id)).size).toBe(3);
    expect(doc.feed.updated).toBe('2024-06-01T00:05:00.000Z');
  });
});

describe('GET /feed.atom', () => {
  it('when an event is added, then it heads the feed of new events with its link and date', async () => {
    const org = await makeOrganization(t.db, { name: 'Feedtest Labs' });
    const e = await makeEvent(t.db, { title: 'Feedtest model released', date: 'May 2024', summary: 'A fresh entry.', organizationIds: [org.id] });
    await bumpContentVersion(t.db);
    const { entries } = await atom('/feed.atom');
    expect(entries.length).toBeGreaterThan(10);
    expect(text(entries[0]!.title)).toBe('Feedtest model released');
    expect(href(entries[0]!.link)).toMatch(new RegExp(`/events/${e.slug}$`));
    const first = entries[0] as AtomEntry & { summary?: string | { '#text': string } };
    expect(JSON.stringify(first.summary)).toContain('May 2024 · Feedtest Labs. A fresh entry.');
  });
});

describe('GET /milestones.ics', () => {
  async function calendar() {
    const res = await request(t.app).get('/milestones.ics').expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return { res, vcal: new ICAL.Component(ICAL.parse(res.text)) };
  }

  it('when fetched, then every dated claim is an all-day event spanning its due window', async () => {
    const { vcal } = await calendar();
    expect(vcal.name).toBe('vcalendar');
    expect(vcal.getFirstPropertyValue('version')).toBe('2.0');
    expect(vcal.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = vcal.getAllSubcomponents('vevent');
    const dated = await t.db.milestone.count({ where: { windowStart: { not: null } } });
    expect(events).toHaveLength(dated);

    const gemini = await t.db.milestone.findUniqueOrThrow({ where: { slug: 'google-gemini-may-2024' } });
    const ev = events.find((e) => e.getFirstPropertyValue('uid') === `milestone-${gemini.id}@timeline`)!;
    expect(ev).toBeDefined();
    const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = ev.getFirstPropertyValue('dtend') as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(end.isDate).toBe(true);
    expect(start.toString()).toBe('2024-05-01');
    expect(end.toString()).toBe('2024-06-01');
    expect(ev.getFirstPropertyValue('summary')).toBe('Google releases Gemini in May 2024');
    expect(String(ev.getFirstPropertyValue('url'))).toMatch(/\/milestones\/google-gemini-may-2024$/);
    const description = String(ev.getFirstPropertyValue('description'));
    expect(description).toContain('Expected mai 2024 (May 2024).');
    expect(description).toContain('Source: French tech news site (name not recorded)');
    expect(description).toContain('Status: Overdue.');
    expect(ev.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('when fetched twice, then the event UIDs are the same and the lines follow RFC 5545 (CRLF, at most 75 octets)', async () => {
    const a = await calendar();
    await bumpContentVersion(t.db);
    const b = await calendar();
    const uids = (c: ICAL.Component) => c.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(uids(b.vcal)).toEqual(uids(a.vcal));
    const lines = a.res.text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });
});

/** What a feed reader shows for a `type="html"` element: the HTML decoded to text, or markup. */
function shownAsHtml(v: unknown): { markup: boolean; text: string } {
  const raw = typeof v === 'string' ? v : String((v as { '#text'?: unknown })?.['#text'] ?? '');
  const type = typeof v === 'object' && v ? (v as { '@_type'?: string })['@_type'] : undefined;
  if (type === 'text' || type === undefined) return { markup: false, text: raw };
  const text = raw.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return { markup: /<[a-z!/]/i.test(raw), text };
}

describe('hostile text in feeds', () => {
  it('when an event title and summary carry HTML, then the feed carries them as text a reader shows literally', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await makeEvent(t.db, { title: hostile, summary: `<script>alert(2)</script> & ]]> done`, date: '2024-06-01' });
    await bumpContentVersion(t.db);
    const res = await request(t.app).get('/feed.atom').expect(200);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(res.text) as {
      feed: { entry: Record<string, unknown>[] };
    };
    const entry = doc.feed.entry.find((e) => shownAsHtml(e.title).text === hostile);
    expect(entry, 'the hostile entry, shown as its literal title').toBeDefined();
    expect(shownAsHtml(entry!.title).markup).toBe(false);
    const summary = shownAsHtml(entry!.summary);
    expect(summary.markup).toBe(false);
    expect(summary.text).toContain('<script>alert(2)</script> & ]]> done');
  });
});

describe('absolute links', () => {
  it('when a request comes with Host: evil.example, then neither it nor a later normal request links to that host', async () => {
    await bumpContentVersion(t.db);
    for (const url of ['/feed.atom', '/milestones/feed.atom', '/milestones.ics']) {
      const evil = await request(t.app).get(url).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example').expect(200);
      expect(evil.text, url).not.toContain('evil.example');
      const normal = await request(t.app).get(url).expect(200);
      expect(normal.text, url).not.toContain('evil.example');
      expect(normal.text, url).toContain('https://timeline.example.org/');
    }
  });
});

describe('flag feed wording and dates', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp({ seed: true, now: '2026-01-15T12:00:00Z', env: { PUBLIC_URL: 'https://timeline.example.org' } });
    await fresh.db.$transaction([fresh.db.webhook.deleteMany({}), ...unresolveClaims(fresh.db)]);
  });
  afterAll(async () => fresh.close());

  it('when nothing has been flagged, then the feed is dated by the content, never 1970', async () => {
    const res = await request(fresh.app).get('/milestones/feed.atom').expect(200);
    const doc = xml.parse(res.text) as { feed: { updated: string } };
    expect(doc.feed.updated.startsWith('1970')).toBe(false);
    expect(new Date(doc.feed.updated).getFullYear()).toBeGreaterThanOrEqual(2023);
  });

  it('when a claim is first checked long after its window closed, then one entry says it was found overdue and names the last day of the window', async () => {
    await flagMilestones(fresh.db, new Date('2025-06-01T00:00:00Z'));
    await bumpContentVersion(fresh.db);
    const gemini = await fresh.db.milestone.findUniqueOrThrow({ where: { slug: 'google-gemini-may-2024' }, include: { transitions: true } });
    expect(gemini.transitions.map((x) => x.toStatus).sort()).toEqual(['due', 'overdue']);
    const res = await request(fresh.app).get('/milestones/feed.atom').expect(200);
    const entries = ([] as AtomEntry[]).concat((xml.parse(res.text) as { feed: { entry: AtomEntry[] } }).feed.entry);
    const about = entries.filter((e) => href(e.link).endsWith('/milestones/google-gemini-may-2024'));
    expect(about).toHaveLength(1);
    expect(text(about[0]!.title)).toBe('Overdue (window already closed): Google releases Gemini in May 2024');
    const summary = JSON.stringify((about[0] as AtomEntry & { summary: unknown }).summary);
    expect(summary).toContain('2024-05-31');
    expect(summary).not.toContain('2024-06-01');
  });

  it('when a claim becomes overdue while watched, then "window closed on" names the last day inside the window', async () => {
    const app = await createTestApp({ seed: true, now: '2026-01-15T12:00:00Z', env: { PUBLIC_URL: 'https://timeline.example.org' } });
    try {
      await app.db.$transaction([app.db.webhook.deleteMany({}), ...unresolveClaims(app.db)]);
      await flagMilestones(app.db, new Date('2024-05-02T00:00:00Z'));
      await flagMilestones(app.db, new Date('2024-06-01T00:05:00Z'));
      const res = await request(app.app).get('/milestones/feed.atom').expect(200);
      const entries = ([] as AtomEntry[]).concat((xml.parse(res.text) as { feed: { entry: AtomEntry[] } }).feed.entry);
      const overdue = entries.find((e) => text(e.title) === 'Overdue: Google releases Gemini in May 2024')!;
      expect(JSON.stringify((overdue as AtomEntry & { summary: unknown }).summary)).toContain('its window closed on 2024-05-31');
    } finally {
      await app.close();
    }
  });
});
