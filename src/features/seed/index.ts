export { isDatabaseEmpty, seedDatabase } from './seed.service.ts';
export type { SeedReport } from './seed.service.ts';
