export { healthRoutes, databaseAnswers } from './health.routes.ts';
