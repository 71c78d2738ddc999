// The site's own pages (about) and discovery files (sitemap.xml, robots.txt).
export { siteRoutes, discoveryRoutes } from './site.routes.ts';
