export { siteRoutes, discoveryRoutes } from './site.routes.ts';
