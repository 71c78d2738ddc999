export { apiDocsRoutes, apiRoutes } from './api.routes.ts';
