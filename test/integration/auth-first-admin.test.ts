import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/features/auth/index.ts';
import { createDb, type Db } from '../../src/platform/db.ts';
import { runAdminCreate } from '../../scripts/admin-create.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createTestDb } from '../helpers/db.ts';
import { makeUser, signedIn, STRONG_PASSWORD } from '../helpers/users.ts';

function capturingLogger() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

async function withApp(env: NodeJS.ProcessEnv, run: (t: TestApp, lines: ReturnType<typeof capturingLogger>['lines']) => Promise<void>) {
  const t = await createTestApp({ env });
  const { logger, lines } = capturingLogger();
  try {
    await ensureFirstAdmin({ db: t.db, config: t.config, logger, clock: t.clock });
    await run(t, lines);
  } finally {
    await t.close();
  }
}

describe('the first administrator', () => {
  it('when ADMIN_EMAIL and ADMIN_PASSWORD are set and there is no account, then that administrator is created once', async () => {
    await withApp({ ADMIN_EMAIL: 'Owner@Example.com', ADMIN_PASSWORD: STRONG_PASSWORD }, async (t, lines) => {
      const { logger } = capturingLogger();
      await ensureFirstAdmin({ db: t.db, config: t.config, logger, clock: t.clock });
      const users = await t.db.user.findMany({ orderBy: { id: 'asc' } });
      expect(users.map((u) => [u.email, u.role])).toEqual([['owner@example.com', 'admin']]);
      expect(JSON.stringify(lines)).not.toContain(STRONG_PASSWORD);
      expect(lines.some((l) => l.msg.includes('created the first administrator'))).toBe(true);
      await signedIn(t.app, { email: 'owner@example.com', password: STRONG_PASSWORD });
    });
  });

  it('when nothing is set, then no account is created and the log says how to create one', async () => {
    await withApp({}, async (t, lines) => {
      expect(await t.db.user.count()).toBe(0);
      const warning = lines.find((l) => l.level === 40 && l.msg.includes('npm run admin:create -- --email you@example.com'));
      expect(warning).toBeDefined();
    });
  });

  it('when accounts exist already, then ADMIN_EMAIL adds nobody', async () => {
    const t = await createTestApp({ env: { ADMIN_EMAIL: 'second@example.com', ADMIN_PASSWORD: STRONG_PASSWORD } });
    try {
      await makeUser(t.db, { email: 'first@example.com' });
      await ensureFirstAdmin({ db: t.db, config: t.config, logger: capturingLogger().logger, clock: t.clock });
      expect(await t.db.user.count({ where: { email: 'second@example.com' } })).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('when ADMIN_PASSWORD is a common password, then no account is created and the log says why', async () => {
    await withApp({ ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: 'password1' }, async (t, lines) => {
      expect(await t.db.user.count()).toBe(0);
      const error = lines.find((l) => l.level === 50);
      expect(JSON.stringify(error)).toContain('one of the most common');
      expect(JSON.stringify(lines)).not.toContain('"password1"');
    });
  });
});

describe('npm run admin:create', () => {
  /** Runs the command on a fresh database; `typed` are the answers to the password prompts. */
  async function run(argv: string[], opts: { typed?: string[]; interactive?: boolean; before?: (db: Db) => Promise<unknown> } = {}) {
    const testDb = await createTestDb();
    await opts.before?.(testDb.db);
    const typed = [...(opts.typed ?? [])];
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await runAdminCreate(argv, {
        openDb: async () => testDb.db,
        readPassword: async () => typed.shift() ?? null,
        interactive: opts.interactive ?? true,
        print: (l) => out.push(l),
        printError: (l) => err.push(l),
        now: new Date('2026-01-15T12:00:00Z'),
      });
      // The command disconnects the database it opened: look at the file through a new client.
      const check = await createDb({ url: testDb.url });
      const users = await check.user.findMany({ orderBy: { id: 'asc' } });
      await check.$disconnect();
      return { code, out: out.join('\n'), err: err.join('\n'), users };
    } finally {
      await testDb.close();
    }
  }

  it('when given an email and a strong password, then an administrator is created', async () => {
    const r = await run(['--email', 'Cli@Example.com', '--name', 'Cli', '--password', STRONG_PASSWORD]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Created an administrator account for cli@example.com');
    expect(r.users.map((u) => [u.email, u.name, u.role])).toEqual([['cli@example.com', 'Cli', 'admin']]);
  });

  it('when no password is given, then it is asked twice on the terminal', async () => {
    const r = await run(['--email', 'ed@example.com', '--role', 'editor'], { typed: [STRONG_PASSWORD, STRONG_PASSWORD] });
    expect(r.code).toBe(0);
    expect(r.users.map((u) => u.role)).toEqual(['editor']);
  });

  it('when the two typed passwords differ, then nothing is created', async () => {
    const r = await run(['--email', 'ed@example.com'], { typed: [STRONG_PASSWORD, 'something else entirely'] });
    expect(r.code).toBe(1);
    expect(r.err).toContain('not the same');
    expect(r.users).toEqual([]);
  });

  it('when the input is piped, then one line is read as the password', async () => {
    const r = await run(['--email', 'piped@example.com'], { typed: [STRONG_PASSWORD], interactive: false });
    expect(r.code).toBe(0);
    expect(r.users).toHaveLength(1);
  });

  it('when the email is malformed, then the command fails before asking for a password', async () => {
    const r = await run(['--email', 'not-an-email'], { typed: [STRONG_PASSWORD, STRONG_PASSWORD] });
    expect(r.code).toBe(1);
    expect(r.err).toContain('Enter an email address such as name@example.com.');
    expect(r.users).toEqual([]);
  });

  it('when the password is weak, then the command fails with the reason', async () => {
    const r = await run(['--email', 'weak@example.com', '--password', 'qwerty123']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('password: This password is one of the most common');
    expect(r.users).toEqual([]);
  });

  it('when the email is already taken, then the command fails and keeps the existing account', async () => {
    const r = await run(['--email', 'taken@example.com', '--password', STRONG_PASSWORD, '--role', 'admin'], {
      before: (db) => makeUser(db, { email: 'taken@example.com', role: 'editor' }),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('An account with this email already exists.');
    expect(r.users.map((u) => [u.email, u.role])).toEqual([['taken@example.com', 'editor']]);
  });

  it('when the arguments are wrong, then it prints the usage and exits with 64', async () => {
    for (const argv of [[], ['--mail', 'a@b.co'], ['extra']]) {
      const r = await run(argv);
      expect(r.code).toBe(64);
      expect(r.err).toContain('Usage: npm run admin:create -- --email');
      expect(r.users).toEqual([]);
    }
  });
});
