import { createApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { fixedClock, type Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { SeedData } from '../../prisma/seed/data.ts';
import { createTestDb } from './db.ts';
import { loadTestWorld } from './factories.ts';

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Load the fixed test world (factories.ts), or `world` when given. */
  seed?: boolean;
  /** What `seed` loads instead of the test world: the real seed for tests about the seed. */
  world?: SeedData;
  now?: string;
  env?: NodeJS.ProcessEnv;
}

/** The real app on a fresh migrated database, optionally holding the test world, with a fixed clock. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDb();
  const clock = fixedClock(opts.now ?? '2026-01-15T12:00:00Z');
  if (opts.seed) await loadTestWorld(testDb.db, clock(), opts.world);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: testDb.url, LOG_LEVEL: 'silent', ...opts.env });
  const app = createApp({ db: testDb.db, config, logger: createLogger('silent'), clock });
  return { app, db: testDb.db, config, clock, close: testDb.close };
}
