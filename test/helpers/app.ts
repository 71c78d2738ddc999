import { createApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { fixedClock, type Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { seedDatabase } from '../../src/features/seed/index.ts';
import { createTestDb } from './db.ts';

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  now?: string;
  env?: NodeJS.ProcessEnv;
}

/** The real app on a fresh migrated database, optionally seeded, with a fixed clock. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  const clock = fixedClock(opts.now ?? '2026-01-15T12:00:00Z');
  if (opts.seed) await seedDatabase(testDb.db, undefined, clock());
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: testDb.url, LOG_LEVEL: 'silent', ...opts.env });
  const app = createApp({ db: testDb.db, config, logger: createLogger('silent'), clock });
  return { app, db: testDb.db, config, clock, close: testDb.close };
}
