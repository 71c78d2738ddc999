// Prisma CLI configuration. The CLI runs the JavaScript schema engine through a driver
// adapter, so migrations work without downloading Prisma's native engine
// (see docs/decisions/0001-prisma-6-js-schema-engine.md). DATABASE_URL picks the engine:
// postgres:// or postgresql:// for PostgreSQL (prisma/postgres), anything else for SQLite
// (prisma/sqlite). Each engine has its own schema file and migration history.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { engineOf } from './src/platform/db.ts';
import { cliAdapter } from './src/platform/prisma-cli/index.ts';

const url = process.env.DATABASE_URL ?? 'file:./data/timeline.db';
const dir = path.join('prisma', engineOf(url));

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(dir, 'schema.prisma'),
  migrations: { path: path.join(dir, 'migrations') },
  adapter: () => cliAdapter(url),
});
