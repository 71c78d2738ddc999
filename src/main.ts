// Start-up: config -> logger -> database -> app -> listen -> scheduler.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { createDb, poolOptions, withStartupLock } from './platform/db.ts';
import { createLogger } from './platform/logger.ts';
import { migrateDeploy } from './platform/migrate.ts';
import { ensureFirstAdmin } from './features/auth/index.ts';
import { isDatabaseEmpty, seedDatabase } from './features/seed/index.ts';
import { checkSchedule, SchedulerConfigError, startScheduler } from './jobs/scheduler.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    checkSchedule(config);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof SchedulerConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);

  if (config.migrateOnStart) {
    logger.info('applying database migrations');
    await migrateDeploy(config.databaseUrl);
  }
  const db = await createDb({ url: config.databaseUrl, pool: poolOptions(config), logger });
  const deps = { db, config, logger, clock: systemClock };
  // Instances starting together on one database take turns: one seeds it, the others find it seeded.
  await withStartupLock(config.databaseUrl, async () => {
    if (config.seedOnEmpty && (await isDatabaseEmpty(db))) {
      const report = await seedDatabase(db, undefined, systemClock());
      logger.info({ report }, 'empty database: loaded the seed timeline');
    }
    await ensureFirstAdmin(deps);
  });
  const app = createApp(deps);
  const server: Server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    logger.info({ url: `http://${host}:${port}` }, 'Timeline is listening');
  });
  server.on('error', (err) => {
    logger.fatal({ err }, 'server failed');
    process.exit(1);
  });
  const scheduler = await startScheduler(deps);

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    const force = setTimeout(() => {
      logger.warn('requests still open after 10 s: closing them');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    await scheduler.stop();
    server.close(async () => {
      await db.$disconnect();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
