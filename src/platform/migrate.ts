import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { engineOf, sqliteFilePath } from './db.ts';
import { projectRoot as root } from './paths.ts';

const run = promisify(execFile);

/** Runs `prisma migrate deploy` for the engine of `url`. Throws with the CLI's output on failure. */
export async function migrateDeploy(url: string): Promise<void> {
  if (engineOf(url) === 'sqlite') {
    fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
  }
  const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
  try {
    await run(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed: ${e.stderr || e.stdout || e.message}`);
  }
}
