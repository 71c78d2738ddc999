import type { Config } from '../config.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Logger } from '../platform/logger.ts';

/** What every feature may receive from start-up. */
export interface FeatureDeps {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
}
