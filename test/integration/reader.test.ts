import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signIn } from '../helpers/admin-session.ts';
import { makeEvent, named } from '../helpers/factories.ts';
import { parse } from 'csv-parse/sync';
import { bumpContentVersion } from '../../src/platform/content-version.ts';
import { sitemapFileXml, sitemapXml } from '../../src/features/site/discovery.ts';
import { ENTRIES_QUARTERS_SHOWN, ENTRIES_ROWS_SHOWN } from '../../src/features/stats/stats.service.ts';

let t: TestApp;
let withUrl: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  withUrl = await createTestApp({ seed: true, env: { PUBLIC_URL: 'https://timeline.example.org/' } });
});
afterAll(async () => {
  await t.close();
  await withUrl.close();
});

const xml = new XMLParser({ ignoreAttributes: false });
const decode = (s: string) => s.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');

describe('/about', () => {
  it('when opened, then it explains events, claims, windows, every outcome, scorecards, fuzzy dates, claim shapes, sources and licence', async () => {
    const res = await request(t.app).get('/about').expect(200);
    for (const heading of ['Events', 'Claims and windows', 'Outcomes', 'Scorecards', 'Fuzzy dates', 'Claim shapes', 'Where the data comes from', 'Licence and reuse']) {
      expect(res.text).toContain(`>${heading}</h2>`);
    }
    for (const outcome of ['Met', 'Early', 'Late', 'Partly met', 'Missed', 'Withdrawn', 'Unverifiable']) expect(res.text).toContain(`>${outcome}</span></dt>`);
    expect(res.text).toContain('MIT');
  });
});

describe('/stats', () => {
  it('when opened, then three charts are drawn as SVG, each with its table and a CSV link', async () => {
    const res = await request(t.app).get('/stats').expect(200);
    expect(res.text.match(/<svg class="chart__svg"/g)).toHaveLength(3);
    expect(res.text.match(/<details class="data-table" open>/g)).toHaveLength(3);
    for (const d of ['entries-by-organization', 'claims-by-outcome', 'source-records']) expect(res.text).toContain(`href="/stats/${d}.csv"`);
  });

  it('when the claims CSV is downloaded, then each quarter has a row whose outcomes add up to its total, as many as the seed has claims', async () => {
    const res = await request(t.app).get('/stats/claims-by-outcome.csv').expect(200).expect('Content-Type', /text\/csv/);
    const [header, ...rows] = res.text.trim().split('\n').map((l) => l.split(','));
    expect(header).toEqual(['Quarter', 'Met in window', 'Early', 'Late', 'Partly met', 'Missed', 'Withdrawn or unverifiable', 'Not resolved yet', 'Total']);
    for (const r of rows) expect(r.slice(1, 8).map(Number).reduce((a, b) => a + b, 0)).toBe(Number(r[8]));
    const total = rows.reduce((a, r) => a + Number(r[8]), 0);
    expect(total).toBe(await t.db.milestone.count());
    const gemini = rows.find((r) => r[0] === 'Q2 2024');
    expect(gemini?.[2]).toBe('1');
  });

  it('when an organization has a formula-like name, then the CSV neutralises it; an unknown dataset is not found', async () => {
    await t.db.organization.create({ data: { slug: 'formula-corp', ...named('=HYPERLINK("x")') } });
    const org = await t.db.organization.findUniqueOrThrow({ where: { slug: 'formula-corp' } });
    const ev = await t.db.event.findFirstOrThrow();
    await t.db.eventOrganization.create({ data: { eventId: ev.id, organizationId: org.id } });
    const res = await request(t.app).get('/stats/entries-by-organization.csv').expect(200);
    expect(res.text).toContain(`"'=HYPERLINK(""x"")"`);
    await request(t.app).get('/stats/nothing.csv').expect(404);
  });

  it('when entries are counted per organization and quarter, then a window inside one quarter counts there and a wider one apart, as counted one by one', async () => {
    const org = await t.db.organization.create({ data: { slug: 'quarter-check', ...named('Quarter check') } });
    for (const date of ['2024-03-31', 'March 2024', '2024-04-01', 'Q2 2024', '2024', '2024-03/2024-04']) {
      await makeEvent(t.db, { title: `Quarter check ${date}`, date, organizationIds: [org.id] });
    }
    // Written straight to the database: the cached download must not be served.
    await bumpContentVersion(t.db);
    const res = await request(t.app).get('/stats/entries-by-organization.csv').expect(200);
    const [header, ...rows] = parse(res.text) as string[][];
    const cell = (name: string, column: string) => rows.find((r) => r[0] === name)?.[header!.indexOf(column)];
    expect([cell('Quarter check', 'Q1 2024'), cell('Quarter check', 'Q2 2024'), cell('Quarter check', 'Dated more loosely than a quarter')]).toEqual(['2', '2', '2']);

    // Every organization's row, against the windows read and counted one by one here.
    const quarter = (d: Date) => `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
    const expected = new Map<string, Map<string, number>>();
    const add = (organization: string, start: Date, end: Date) => {
      // The CSV shows a formula-like name with a leading apostrophe (the test above).
      const name = /^[=+\-@]/.test(organization) ? `'${organization}` : organization;
      const [first, last] = [quarter(start), quarter(new Date(end.getTime() - 1))];
      const row = expected.get(name) ?? new Map<string, number>();
      const key = first === last ? first : 'Dated more loosely than a quarter';
      row.set(key, (row.get(key) ?? 0) + 1);
      expected.set(name, row);
    };
    for (const l of await t.db.eventOrganization.findMany({ include: { organization: true, event: true } })) add(l.organization.name, l.event.dateStart, l.event.dateEnd);
    for (const l of await t.db.milestoneOrganization.findMany({ include: { organization: true, milestone: true } })) add(l.organization.name, l.milestone.sortStart, l.milestone.sortEnd);
    expect(rows.map((r) => r[0]).sort()).toEqual([...expected.keys()].sort());
    for (const r of rows) {
      const counted = Object.fromEntries(header!.slice(1).flatMap((column, i) => (Number(r[i + 1]) ? [[column, Number(r[i + 1])]] : [])));
      expect(counted, r[0]).toEqual(Object.fromEntries(expected.get(r[0]!)!));
    }
  });
});

describe('/stats with many organizations and quarters', () => {
  it('when more organizations and quarters have entries than the chart shows, then the page shows the busiest over the latest quarters, says so, and the CSV holds them all', async () => {
    for (let i = 0; i < ENTRIES_ROWS_SHOWN + 1; i++) {
      const org = await t.db.organization.create({ data: { slug: `busy-${i}`, ...named(`Busy lab ${String(i).padStart(2, '0')}`) } });
      // One more entry per lab than the lab before, spread over twelve years.
      for (let k = 0; k <= i; k++) await makeEvent(t.db, { title: `Busy ${i}.${k}`, date: `${2010 + ((i + k) % 12)}-0${1 + (k % 9)}-15`, organizationIds: [org.id] });
    }
    await bumpContentVersion(t.db);
    const csv = parse((await request(t.app).get('/stats/entries-by-organization.csv').expect(200)).text) as string[][];
    const page = (await request(t.app).get('/stats').expect(200)).text;
    const organizations = csv.length - 1;
    const quarters = csv[0]!.length - 2;
    expect(organizations).toBeGreaterThan(ENTRIES_ROWS_SHOWN);
    expect(quarters).toBeGreaterThan(ENTRIES_QUARTERS_SHOWN);
    const first = csv[0]![1 + quarters - ENTRIES_QUARTERS_SHOWN];
    expect(page).toContain(`Shown: the ${ENTRIES_ROWS_SHOWN} organizations with the most entries, of ${organizations}, from ${first} on (${ENTRIES_QUARTERS_SHOWN} of ${quarters} quarters).`);
    const section = page.split('<h2 id="entries">')[1]!.split('</section>')[0]!;
    expect(section.match(/<text class="chart__label"/g)).toHaveLength(ENTRIES_ROWS_SHOWN);
    // The busiest lab is shown, the quietest is not (it has one entry; the seed's have more).
    expect(section).toContain('Busy lab 25');
    expect(section).not.toContain('Busy lab 00');
    expect(csv.map((r) => r[0])).toContain('Busy lab 00');
  });
});

describe('sharing', () => {
  it('when PUBLIC_URL is set, then pages carry an absolute canonical link and Open Graph tags, a claim its outcome', async () => {
    const res = await request(withUrl.app).get('/milestones/google-gemini-may-2024').expect(200);
    expect(res.text).toContain('<link rel="canonical" href="https://timeline.example.org/milestones/google-gemini-may-2024">');
    expect(res.text).toContain('<meta property="og:url" content="https://timeline.example.org/milestones/google-gemini-may-2024">');
    expect(res.text).toMatch(/<meta property="og:description" content="Outcome: Early, early by 147 days\./);
    expect(res.text).toContain('<meta property="og:title" content="Google releases Gemini in May 2024">');
  });

  it('when PUBLIC_URL is not set, then canonical links stay relative whatever Host the request names', async () => {
    const res = await request(t.app).get('/organizations/meta').set('Host', 'evil.example').expect(200);
    expect(res.text).toContain('<link rel="canonical" href="/organizations/meta">');
    expect(res.text).not.toContain('evil.example');
    expect(res.text).not.toContain('og:url');
  });

  it('when the sitemap is read, then it lists every event, claim, organization, subject and source at absolute addresses', async () => {
    const res = await request(withUrl.app).get('/sitemap.xml').expect(200).expect('Content-Type', /xml/);
    const locs: string[] = xml.parse(res.text).urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toContain('https://timeline.example.org/about');
    expect(locs).toContain('https://timeline.example.org/milestones/google-gemini-may-2024');
    const counts = await Promise.all([withUrl.db.event.count(), withUrl.db.milestone.count(), withUrl.db.organization.count(), withUrl.db.subject.count(), withUrl.db.source.count()]);
    const prefixes = ['/events/', '/milestones/', '/organizations/', '/subjects/', '/sources/'];
    prefixes.forEach((p, i) => expect(locs.filter((l) => l.startsWith(`https://timeline.example.org${p}`))).toHaveLength(counts[i]!));
  });

  it('when there are more pages than one sitemap file may hold, then sitemap.xml is an index of files that together name every page once', async () => {
    const base = 'https://timeline.example.org';
    const perFile = 7;
    const index = xml.parse(await sitemapXml(withUrl.db, base, perFile)).sitemapindex.sitemap as { loc: string }[];
    const counts = await Promise.all([withUrl.db.event.count(), withUrl.db.milestone.count(), withUrl.db.organization.count(), withUrl.db.subject.count(), withUrl.db.source.count()]);
    expect(index.map((s) => s.loc)).toEqual([
      `${base}/sitemap/pages.xml`,
      ...['events', 'milestones', 'organizations', 'subjects', 'sources'].flatMap((list, i) => Array.from({ length: Math.ceil(counts[i]! / perFile) }, (_, n) => `${base}/sitemap/${list}-${n + 1}.xml`)),
    ]);
    const locs: string[] = [];
    for (const { loc } of index) {
      const body = await sitemapFileXml(withUrl.db, base, loc.slice(`${base}/sitemap/`.length, -'.xml'.length), perFile);
      const urls = [xml.parse(body!).urlset.url].flat() as { loc: string }[];
      expect(urls.length).toBeLessThanOrEqual(loc.endsWith('/pages.xml') ? 8 : perFile);
      locs.push(...urls.map((u) => u.loc));
    }
    const whole = xml.parse(await sitemapXml(withUrl.db, base)).urlset.url.map((u: { loc: string }) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect([...locs].sort()).toEqual([...whole].sort());
    expect(await sitemapFileXml(withUrl.db, base, `events-${Math.ceil(counts[0]! / perFile) + 1}`, perFile)).toBeNull();
  });

  it('when a sitemap file is asked for over HTTP, then it is served, and an unknown one is not found', async () => {
    const res = await request(withUrl.app).get('/sitemap/events-1.xml').expect(200).expect('Content-Type', /xml/);
    expect(xml.parse(res.text).urlset.url).toHaveLength(await withUrl.db.event.count());
    await request(withUrl.app).get('/sitemap/events-2.xml').expect(404);
    await request(withUrl.app).get('/sitemap/users-1.xml').expect(404);
    await request(withUrl.app).get('/sitemap/pages.xml').expect(200);
  });

  it('when robots.txt is read, then it keeps crawlers out of /admin and names the sitemap', async () => {
    const res = await request(withUrl.app).get('/robots.txt').expect(200).expect('Content-Type', /text\/plain/);
    expect(res.text).toContain('Disallow: /admin');
    expect(res.text).toContain('Sitemap: https://timeline.example.org/sitemap.xml');
  });

  it('when a form left fields empty, then the page redirects to the address without them', async () => {
    const res = await request(t.app).get('/?organization=meta&subject=&kind=&q=').expect(301);
    expect(res.headers.location).toBe('/?organization=meta');
    const other = await request(t.app).get('//evil.example/?a=').expect(301);
    expect(other.headers.location).toBe('/evil.example/');
  });
});

describe('embeds', () => {
  it('when /embed is served, then any site may frame it, while every other page still refuses framing', async () => {
    const embed = await request(t.app).get('/embed?organization=meta').expect(200);
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.text).toContain('Llama 3');
    expect(embed.text).not.toContain('<form');
    const again = await request(t.app).get('/embed?organization=meta').expect(200);
    expect(again.headers['content-security-policy']).toMatch(/frame-ancestors \*/);
    for (const path of ['/', '/about', '/organizations/meta']) {
      const res = await request(t.app).get(path).expect(200);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('when an organization page is asked for by oEmbed, then the answer is a rich iframe of its embed', async () => {
    const page = await request(withUrl.app).get('/organizations/meta').expect(200);
    const href = decode(page.text.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)![1]!);
    expect(href).toBe('https://timeline.example.org/oembed?format=json&url=https%3A%2F%2Ftimeline.example.org%2Forganizations%2Fmeta');
    const res = await request(withUrl.app).get(href.replace('https://timeline.example.org', '')).expect(200).expect('Content-Type', /json/);
    expect(res.body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Timeline', title: 'Timeline: Meta', width: 600, height: 480 });
    expect(res.body.html).toContain('src="https://timeline.example.org/embed?organization=meta"');
    await request(withUrl.app).get('/oembed?url=https://elsewhere.example/organizations/meta').expect(404);
    await request(withUrl.app).get('/oembed?url=https://timeline.example.org/organizations/meta&format=xml').expect(501);
  });
});

describe('following', () => {
  it('when the feed of one organization is read, then every entry is about it; an unknown one is not found', async () => {
    const res = await request(t.app).get('/feed.atom?organization=google').expect(200);
    const feed = xml.parse(res.text).feed;
    expect(feed.title).toBe('Timeline: new events about Google');
    const entries = [feed.entry].flat();
    const google = await t.db.event.count({ where: { organizations: { some: { organization: { slug: 'google' } } } } });
    expect(entries).toHaveLength(google);
    expect(entries.map((e: { title: string }) => e.title).join(' ')).not.toMatch(/Llama/);
    await request(t.app).get('/feed.atom?organization=no-such-org').expect(404);
    await request(t.app).get('/milestones.ics?organization=Meta!').expect(400);
  });

  it('when an organization page is opened, then its Follow box lists its feeds and calendar', async () => {
    const res = await request(t.app).get('/organizations/meta').expect(200);
    const html = decode(res.text);
    for (const href of ['/feed.atom?organization=meta', '/milestones/feed.atom?organization=meta', '/milestones.ics?organization=meta']) expect(html).toContain(`href="${href}"`);
  });
});

describe('/changes', () => {
  it('when an editor changes a record, then the public log shows the fields before and after, never who', async () => {
    const s = await signIn(t.app, t.db, 'editor');
    const org = await t.db.organization.findUniqueOrThrow({ where: { slug: 'nvidia' } });
    await s.agent
      .post(`/admin/organizations/${org.id}`)
      .type('form')
      .send({ _csrf: s.token, name: org.name, slug: org.slug, website: org.website ?? '', description: 'Maker of GPUs and the H100.' })
      .expect(303);
    const res = await request(t.app).get('/changes').expect(200);
    expect(res.text).toContain('Maker of GPUs and the H100.');
    expect(res.text).toContain('href="/organizations/nvidia"');
    expect(res.text).not.toContain(s.user.email);
    expect(res.text).not.toContain('Test editor');
    const feed = await request(t.app).get('/changes/feed.atom').expect(200);
    expect(feed.text).toContain('Maker of GPUs and the H100.');
    expect(feed.text).not.toContain(s.user.email);
    const page = await request(t.app).get('/events/llama-2-release');
    expect(page.text).toMatch(/Last updated <time datetime="\d{4}-\d{2}-\d{2}">/);
  });
});
