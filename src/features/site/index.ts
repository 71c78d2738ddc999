// The site's own pages: about, and (later) discovery files.
export { siteRoutes } from './site.routes.ts';
