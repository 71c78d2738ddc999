// /stats: charts drawn on the server as SVG, each with its data table and a CSV.
export { quarterKey, quarterRange, ticks } from './charts.ts';
export { statsPage, datasetCsv, DATASETS, type Dataset } from './stats.service.ts';
