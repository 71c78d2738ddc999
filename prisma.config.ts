// Prisma CLI configuration. The CLI runs the JavaScript schema engine through a driver
// adapter, so migrations work without downloading Prisma's native engine
// (see docs/decisions/0001-prisma-6-js-engine.md).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const url = process.env.DATABASE_URL ?? 'file:./data/timeline.db';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'sqlite', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'sqlite', 'migrations') },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
