// Child processes of the bench: the servers under test and autocannon. Every child is tracked so
// that the runner can end them all, by pid, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../src/platform/paths.ts';

const children = new Set<ChildProcess>();

/** Ends every child still running (SIGKILL): for the runner's finally and signal handlers. */
export function killAllChildren(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  name: string;
  /** http://127.0.0.1:port */
  base: string;
  pid: number;
  log: string;
  /** Throws, with the end of its log, when the server is no longer running. */
  assertAlive(): void;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServerSpec {
  name: string;
  /** A TypeScript entry point, relative to the project root. */
  entry: string;
  env: Record<string, string>;
  /** Path answered with a status below 500 once the server is ready. */
  readyPath: string;
  logDir: string;
  nodeArgs?: string[];
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

export async function startServer(spec: ServerSpec): Promise<Server> {
  const port = await freePort();
  const log = path.join(spec.logDir, `${spec.name}.log`);
  const out = fs.openSync(log, 'a');
  const child = track(
    spawn(process.execPath, [...(spec.nodeArgs ?? []), '--import', 'tsx', spec.entry], {
      cwd: projectRoot,
      env: { ...process.env, ...spec.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', out, out],
    }),
  );
  fs.closeSync(out);
  const base = `http://127.0.0.1:${port}`;
  const server: Server = {
    name: spec.name,
    base,
    pid: child.pid!,
    log,
    assertAlive() {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${spec.name} stopped during the run (${child.exitCode ?? child.signalCode}):\n${tail(log)}`);
      }
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exited(child);
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.name} exited (${child.exitCode ?? child.signalCode}) before answering:\n${tail(log)}`);
    }
    try {
      const res = await fetch(base + spec.readyPath);
      await res.arrayBuffer();
      if (res.status < 500) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop(1000);
  throw new Error(`${spec.name} did not answer ${spec.readyPath} within 60 s:\n${tail(log)}`);
}

/** Runs a child to completion and returns its stdout; rejects on a non-zero exit. */
export function runToEnd(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] }));
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`))));
  });
}
