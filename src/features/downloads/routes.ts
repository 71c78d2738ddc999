export { downloadsRoutes } from './downloads.routes.ts';
