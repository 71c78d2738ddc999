// The site's own pages (about) and discovery files (sitemap.xml, robots.txt, oEmbed).
export { sitemapXml, robotsTxt } from './discovery.ts';
export { oembedFor, type OEmbed } from './oembed.ts';
