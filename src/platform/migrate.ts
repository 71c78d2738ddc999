import fs from 'node:fs';
import path from 'node:path';
import { engineOf, sqliteFilePath } from './db.ts';
import { spawnPrisma } from './prisma-cli/run.ts';

// What `migrate deploy` prints once every migration is applied and recorded.
const APPLIED = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Runs `prisma migrate deploy` with DATABASE_URL = `url`, so that prisma.config.ts picks that
 * engine's schema and migration history. Throws with the CLI's output on failure.
 *
 * On PostgreSQL the CLI's JavaScript engine leaves a 10 s timer running after its work is done;
 * the promise resolves as soon as the CLI reports success and the process is left to exit alone.
 */
export async function migrateDeploy(url: string): Promise<void> {
  if (engineOf(url) === 'sqlite') {
    fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
  }
  const child = spawnPrisma(['migrate', 'deploy'], url);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!APPLIED.test(output)) return;
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      resolve();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}): ${output.trim()}`));
    });
  });
}
