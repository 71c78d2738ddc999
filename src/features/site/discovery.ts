// sitemap.xml and robots.txt. Their addresses are absolute: PUBLIC_URL when set, otherwise the
// address the request came to. They are served before the page cache, so a Host header never
// ends up in a cached body.
import type { Db } from '../../platform/db.ts';
import * as repo from './site.repo.ts';

const STATIC_PAGES = ['/', '/milestones', '/organizations', '/subjects', '/scorecards', '/stats', '/changes', '/about'];

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export async function sitemapXml(db: Db, base: string): Promise<string> {
  const r = await repo.sitemapRecords(db);
  const urls: { loc: string; lastmod?: Date }[] = [
    ...STATIC_PAGES.map((p) => ({ loc: p })),
    ...r.events.map((e) => ({ loc: `/events/${e.slug}`, lastmod: e.updatedAt })),
    ...r.milestones.map((m) => ({ loc: `/milestones/${m.slug}`, lastmod: m.updatedAt })),
    ...r.organizations.map((o) => ({ loc: `/organizations/${o.slug}`, lastmod: o.updatedAt })),
    ...r.subjects.map((s) => ({ loc: `/subjects/${s.slug}`, lastmod: s.updatedAt })),
    ...r.sources.map((s) => ({ loc: `/sources/${s.id}`, lastmod: s.updatedAt })),
  ];
  const body = urls
    .map((u) => `  <url><loc>${xml(base + u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function robotsTxt(base: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /embed', '', `Sitemap: ${base}/sitemap.xml`, ''].join('\n');
}
