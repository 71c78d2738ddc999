// The only reader of process.env: parsed once, typed and frozen.
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('file:./data/timeline.db')
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/i.test(v), 'must start with file: (SQLite) or postgres:// (PostgreSQL)'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  SEED_ON_EMPTY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  TRUST_PROXY: z.string().default('false'),
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      let u: URL;
      try {
        u = new URL(v.trim());
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an absolute address such as https://timeline.example.org' });
        return z.NEVER;
      }
      if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.search || u.hash || u.username || u.password) {
        ctx.addIssue({ code: 'custom', message: 'must be an http:// or https:// address without query, fragment or credentials' });
        return z.NEVER;
      }
      return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
    }),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  MILESTONE_CRON: z.string().min(1).default('* * * * *'),
  MILESTONE_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  RENDER_CACHE: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  CONTENT_VERSION_TTL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(4000),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  logLevel: (typeof logLevels)[number];
  seedOnEmpty: boolean;
  migrateOnStart: boolean;
  /** Public pages cached per URL until content changes ('off' only to measure or debug). */
  renderCache: boolean;
  /**
   * How long an instance may trust its last read of the content version: writes through this
   * instance show at once; writes through another show within this time. Default 1000 ms on
   * SQLite (one instance), 0 on PostgreSQL (every request reads it).
   */
  contentVersionTtlMs: number;
  /** Signs session cookies; when unset a random one is made per process (sessions end on restart). */
  sessionSecret: string | undefined;
  /** First admin, created at start when no user exists. */
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** node-cron expression (UTC) for the milestone flagging job, or 'off'. */
  milestoneCron: string;
  milestoneGraceDays: number;
  webhookTimeoutMs: number;
  /** Lets webhooks reach loopback, private and link-local addresses (self-hosted receivers). */
  webhookAllowPrivate: boolean;
  /**
   * The site's public address (PUBLIC_URL, no trailing slash): every absolute link (feeds, calendar,
   * webhooks) starts with it, never with a request's Host header. See publicOrigin().
   */
  publicUrl: string | undefined;
  /** Express "trust proxy" setting: false, true, a hop count or a list of addresses. */
  trustProxy: boolean | number | string;
  /** PostgreSQL only: connections per process, and how long to wait for one before answering 503. */
  dbPoolMax: number;
  dbConnectTimeoutMs: number;
  /** PostgreSQL only: the server cancels any statement running longer than this. */
  dbStatementTimeoutMs: number;
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseTrustProxy(v: string): boolean | number | string {
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // Behind a proxy the address readers use cannot be guessed: without it every feed would link
  // to localhost. A plain local `npm start` (no proxy) falls back to http://localhost:PORT.
  if (c.NODE_ENV === 'production' && parseTrustProxy(c.TRUST_PROXY) !== false && !c.PUBLIC_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_URL: required in production behind a proxy (TRUST_PROXY is set): the address readers use, e.g. https://timeline.example.org',
    );
  }
  return Object.freeze({
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    seedOnEmpty: c.SEED_ON_EMPTY,
    migrateOnStart: c.MIGRATE_ON_START,
    renderCache: c.RENDER_CACHE,
    contentVersionTtlMs: c.CONTENT_VERSION_TTL_MS ?? (/^postgres(ql)?:\/\//i.test(c.DATABASE_URL) ? 0 : 1000),
    sessionSecret: c.SESSION_SECRET,
    adminEmail: c.ADMIN_EMAIL,
    adminPassword: c.ADMIN_PASSWORD,
    milestoneCron: c.MILESTONE_CRON,
    milestoneGraceDays: c.MILESTONE_GRACE_DAYS,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
    webhookAllowPrivate: c.WEBHOOK_ALLOW_PRIVATE,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    publicUrl: c.PUBLIC_URL,
    dbPoolMax: c.DB_POOL_MAX,
    dbConnectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
    dbStatementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS,
  });
}

/** The origin absolute links start with: PUBLIC_URL, or http://localhost:PORT when it is not set. */
export function publicOrigin(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port || 3000}`;
}
