// The quick start, end to end: a fresh database file, `main.ts` applies the migrations, loads the
// seed, serves it, and stops cleanly on SIGTERM; a later start rewrites wrong sort keys of names.
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/paths.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-start-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

function waitForUrl(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no "listening" line within 60 s:\n${out}`)), 60_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n')) {
        if (!line.includes('Timeline is listening')) continue;
        clearTimeout(timer);
        resolve(JSON.parse(line).url as string);
        return;
      }
    });
    proc.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${out}`)));
  });
}

/** `main.ts` on the SQLite file `file`, in production mode on a free port, its job off. */
function startMain(file: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${file}`,
      LOG_LEVEL: 'info',
      MILESTONE_CRON: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const dbFile = path.join(dir, 'nested', 'timeline.db');

describe('start-up', () => {
  it('when started on an empty database, then it migrates, seeds, serves the timeline and stops on SIGTERM', async () => {
    child = startMain(dbFile);
    const url = await waitForUrl(child);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Llama 2');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const exit = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 90_000);

  // On the database the test above seeded (tests of a file run in order).
  it('when a name has a wrong sort key (as the migration leaves "Écho AI"), then the start rewrites it and says so', async () => {
    const raw = new Database(dbFile);
    try {
      raw.prepare(`UPDATE "Organization" SET "name" = 'Écho AI', "sortName" = lower('Écho AI') WHERE "slug" = 'meta'`).run();
    } finally {
      raw.close();
    }
    child = startMain(dbFile);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await waitForUrl(child);
    expect(out).toMatch(/"sortNames":1\b.*rewrote the sort keys of names/);
    const exit = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    const after = new Database(dbFile, { readonly: true });
    try {
      expect(after.prepare(`SELECT "sortName" FROM "Organization" WHERE "slug" = 'meta'`).get()).toEqual({ sortName: 'echo ai' });
    } finally {
      after.close();
    }
  }, 90_000);
});

describe('a busy port', () => {
  it('when the port is already taken, then the start stops with one line naming the port and a non-zero exit code', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: projectRoot,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          DATABASE_URL: `file:${path.join(dir, 'busy', 'timeline.db')}`,
          LOG_LEVEL: 'silent',
          MILESTONE_CRON: 'off',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => proc.on('exit', (c) => resolve(c)));
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port}`);
      expect(lines[0]).toContain('already in use');
      expect(stderr).not.toContain('TypeError');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 90_000);
});
