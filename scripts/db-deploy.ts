// Applies the committed migrations of the engine named by DATABASE_URL (prisma migrate deploy).
// Used by `npm start` and `npm run db:deploy`; never `migrate dev`, which needs the network.
import { migrateDeploy } from '../src/platform/migrate.ts';

const url = process.env.DATABASE_URL ?? 'file:./data/timeline.db';
await migrateDeploy(url);
