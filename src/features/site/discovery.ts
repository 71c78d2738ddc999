// sitemap.xml and robots.txt. Their addresses are absolute: PUBLIC_URL when set, otherwise the
// address the request came to. They are served before the page cache, so a Host header never
// ends up in a cached body.
import type { Db } from '../../platform/db.ts';
import * as repo from './site.repo.ts';

const STATIC_PAGES = ['/', '/milestones', '/organizations', '/subjects', '/scorecards', '/stats', '/changes', '/about'];

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** URLs per sitemap file: the protocol's limit (sitemaps.org). Past it, sitemap.xml is an index of files. */
export const SITEMAP_URLS = 50_000;

const urlset = (base: string, urls: { loc: string; lastmod?: Date }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `  <url><loc>${xml(base + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`)
    .join('\n')}\n</urlset>\n`;

const located = (list: repo.SitemapList, rows: repo.SitemapRow[]) => rows.map((r) => ({ loc: `/${list}/${r.key}`, lastmod: r.updatedAt }));

/**
 * /sitemap.xml: every page in one file while they are at most SITEMAP_URLS; past that, an index of
 * files (`/sitemap/pages.xml`, then `/sitemap/<list>-<n>.xml`, SITEMAP_URLS records each).
 */
export async function sitemapXml(db: Db, base: string, perFile = SITEMAP_URLS): Promise<string> {
  const counts = await repo.sitemapCounts(db);
  if (STATIC_PAGES.length + Object.values(counts).reduce((a, b) => a + b, 0) <= perFile) {
    const lists = await Promise.all(repo.SITEMAP_LISTS.map(async (list) => located(list, await repo.sitemapRows(db, list, 0, perFile))));
    return urlset(base, [...STATIC_PAGES.map((p) => ({ loc: p })), ...lists.flat()]);
  }
  const files = ['/sitemap/pages.xml', ...repo.SITEMAP_LISTS.flatMap((list) => Array.from({ length: Math.ceil(counts[list] / perFile) }, (_, n) => `/sitemap/${list}-${n + 1}.xml`))];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
    .map((f) => `  <sitemap><loc>${xml(base + f)}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`;
}

/** One file of the index: `pages`, or `<list>-<n>`; null when there is no such file. */
export async function sitemapFileXml(db: Db, base: string, name: string, perFile = SITEMAP_URLS): Promise<string | null> {
  if (name === 'pages') return urlset(base, STATIC_PAGES.map((p) => ({ loc: p })));
  const m = /^([a-z]+)-([1-9]\d{0,5})$/.exec(name);
  const list = repo.SITEMAP_LISTS.find((l) => l === m?.[1]);
  if (!m || !list) return null;
  const rows = await repo.sitemapRows(db, list, (Number(m[2]) - 1) * perFile, perFile);
  return rows.length ? urlset(base, located(list, rows)) : null;
}

export function robotsTxt(base: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /embed', '', `Sitemap: ${base}/sitemap.xml`, ''].join('\n');
}
