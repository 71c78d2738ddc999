// `npm run db:seed`: applies the migrations of DATABASE_URL, then loads the seed
// (prisma/seed/data.ts). Safe to run again: the seed is idempotent.
import { createDb } from '../src/platform/db.ts';
import { migrateDeploy } from '../src/platform/migrate.ts';
import { seedDatabase } from '../src/features/seed/index.ts';
import { configOrExit } from './config.ts';

const url = configOrExit().databaseUrl;
await migrateDeploy(url);
const db = await createDb({ url });
try {
  const report = await seedDatabase(db);
  console.log(JSON.stringify(report));
} finally {
  await db.$disconnect();
}
