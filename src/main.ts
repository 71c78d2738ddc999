// Start-up: config -> logger -> database -> app -> listen -> scheduler.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, publicOrigin } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { createDb, poolOptions, withStartupLock } from './platform/db.ts';
import { createLogger } from './platform/logger.ts';
import { migrateDeploy } from './platform/migrate.ts';
import { ensureFirstAdmin } from './features/auth/index.ts';
import { refreshSortNames } from './features/content/index.ts';
import { isDatabaseEmpty, seedDatabase } from './features/seed/index.ts';
import { checkSchedule, SchedulerConfigError, startScheduler } from './jobs/scheduler.ts';

/** Resolves once the server listens; rejects with the listen error (a busy port, a bad address). */
function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

/** One line an operator can act on. */
function listenProblem(err: NodeJS.ErrnoException, port: number, host: string): string {
  if (err.code === 'EADDRINUSE') return `Cannot start: port ${port} on ${host} is already in use. Stop the other server or set PORT to a free port.`;
  if (err.code === 'EACCES') return `Cannot start: no permission to listen on port ${port} on ${host}. Use a port above 1023 (PORT).`;
  if (err.code === 'EADDRNOTAVAIL') return `Cannot start: ${host} is not an address of this machine (HOST), port ${port}.`;
  return `Cannot start: listening on ${host}:${port} failed (${err.code ?? err.message}).`;
}

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
  if (config.env === 'production' && !config.publicUrl) {
    logger.warn(
      `PUBLIC_URL is not set: feeds, the calendar and webhooks link to ${publicOrigin(config)}. Set PUBLIC_URL to the address readers use.`,
    );
  }

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
    // Names keyed by a migration's lower("name") get their exact sort key (docs/decisions/0045).
    const sortNames = await refreshSortNames(db);
    if (sortNames) logger.info({ sortNames }, 'rewrote the sort keys of names');
  });
  const app = createApp(deps);
  const server: Server = await listen(app, config.port, config.host).catch((err: NodeJS.ErrnoException) => {
    console.error(listenProblem(err, config.port, config.host));
    process.exit(1);
  });
  const { port } = server.address() as AddressInfo;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info({ url: `http://${shown}:${port}` }, 'Timeline is listening');
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
