// `node --import tsx bench/raw-server.ts`: serves bench/raw-app.ts on 127.0.0.1:$PORT from the
// SQLite file $RAW_DB, opened with the app's pragmas. The app itself is built (on its own Prisma
// client, never queried) only to lend its view engine.
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createDb } from '../src/platform/db.ts';
import { createLogger } from '../src/platform/logger.ts';
import { openSqlite } from './build-db.ts';
import { createRawApp } from './raw-app.ts';

const file = process.env.RAW_DB;
if (!file) throw new Error('RAW_DB is not set');
const url = `file:${file}`;
const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'silent', RENDER_CACHE: 'off', MILESTONE_CRON: 'off' });
const prisma = await createDb({ url });
const views = createApp({ db: prisma, config, logger: createLogger('silent'), clock: fixedClock('2026-01-15T12:00:00Z') });
const server = createRawApp(openSqlite(file), { views, production: config.env === 'production' }).listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
