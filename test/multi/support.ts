// Real app processes (`node --import tsx src/main.ts`) on one PostgreSQL database, a TCP proxy the
// test can cut, and a small HTTP client that keeps cookies.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../src/platform/paths.ts';

export const SESSION_SECRET = 'multi-process-test-secret-0123456789abcdef';
export const ADMIN = { email: 'admin@example.org', password: 'a long and unguessable passphrase' };

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export interface Instance {
  name: string;
  base: string;
  proc: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts one app process and resolves once it listens and its /healthz answers. */
export async function startInstance(name: string, databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<Instance> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'main.ts')], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      SESSION_SECRET,
      TRUST_PROXY: 'loopback',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      CHECKPOINT_DISABLE: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    proc.once('exit', (code) => reject(new Error(`instance ${name} exited with ${code} before it was ready:\n${output}`))),
  );
  await Promise.race([
    exited,
    waitFor(`instance ${name} to answer /healthz`, async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), 60_000),
  ]);
  return {
    name,
    base,
    proc,
    output: () => output,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const gone = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await gone;
    },
  };
}

/** Cookies and the headers a reverse proxy in front of the instances would add. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly forwardedFor: string) {}

  async fetch(url: string, init: { method?: string; form?: Record<string, string>; accept?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = {
      'X-Forwarded-For': this.forwardedFor,
      'X-Forwarded-Proto': 'https',
      Accept: init.accept ?? 'text/html',
    };
    if (this.cookies.size > 0) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers.Origin = new URL(url).origin;
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }

  /** The CSRF token of the form on a page. */
  async csrfToken(url: string): Promise<string> {
    const html = await (await this.fetch(url)).text();
    const token = /name="_csrf"\s+value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF token in the form at ${url}`);
    return token;
  }
}

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore. Cut modes: 'reset' drops
 * every connection and closes new ones at once (the server went down); 'blackhole' drops every
 * connection and holds new ones without a byte of answer (the host vanished); 'freeze' keeps open
 * connections but lets nothing through either way (a network partition).
 */
export class DbProxy {
  private readonly server = net.createServer((client) => this.accept(client));
  private readonly sockets = new Set<net.Socket>();
  private mode: 'forward' | 'reset' | 'blackhole' | 'freeze' = 'forward';
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  cut(mode: 'reset' | 'blackhole' | 'freeze'): void {
    this.mode = mode;
    if (mode !== 'freeze') this.dropAll();
  }

  /** Forwards again; connections that lived through the cut are dropped, as their peers have given up on them. */
  restore(): void {
    this.dropAll();
    this.mode = 'forward';
  }

  async close(): Promise<void> {
    this.cut('reset');
    await new Promise((resolve) => this.server.close(resolve));
  }

  private dropAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  private track(socket: net.Socket): net.Socket {
    this.sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => this.sockets.delete(socket));
    return socket;
  }

  private accept(client: net.Socket): void {
    this.track(client);
    if (this.mode === 'reset') return void client.destroy();
    if (this.mode !== 'forward') return;
    const upstream = this.track(net.connect(this.targetPort, this.targetHost));
    const relay = (to: net.Socket) => (chunk: Buffer) => {
      if (this.mode === 'forward') to.write(chunk);
    };
    client.on('data', relay(upstream));
    upstream.on('data', relay(client));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
