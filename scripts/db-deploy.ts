// Applies the committed migrations of the engine named by DATABASE_URL (prisma migrate deploy).
// Used by `npm start` and `npm run db:deploy`; never `migrate dev`, which needs the network.
import { migrateDeploy } from '../src/platform/migrate.ts';
import { configOrExit } from './config.ts';

const url = configOrExit().databaseUrl;
await migrateDeploy(url);
