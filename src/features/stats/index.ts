// /stats: charts drawn on the server as SVG, each with its data table and a CSV.
export { statsRoutes } from './stats.routes.ts';
export { quarterOf, quarterWithin, quarterRange, ticks } from './charts.ts';
