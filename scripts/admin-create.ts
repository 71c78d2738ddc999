// `npm run admin:create -- --email you@example.com [--name "Your Name"] [--role admin|editor] [--password P]`
// Creates an account in the database of DATABASE_URL. Without --password it asks for one on the
// terminal, without echo, twice (or reads one line when the input is piped).
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createDb, type Db } from '../src/platform/db.ts';
import { systemClock } from '../src/platform/clock.ts';
import { ValidationError } from '../src/platform/errors.ts';
import { DatabaseBusyError, EXIT_BUSY, migrateIfNeeded } from '../src/platform/migrate.ts';
import { createAccount, newUserSchema } from '../src/features/auth/index.ts';

export const USAGE =
  'Usage: npm run admin:create -- --email you@example.com [--name "Your Name"] [--role admin|editor] [--password P]';

export interface AdminCreateIo {
  /** Opens the (migrated) database; called only once the arguments are valid. */
  openDb(): Promise<Db>;
  /** Asks for a password without echo; null when the input is not a terminal and has no line. */
  readPassword(prompt: string): Promise<string | null>;
  /** Whether the password can be asked twice (a terminal), or is read once (piped input). */
  interactive: boolean;
  print(line: string): void;
  printError(line: string): void;
  now: Date;
}

/** The whole command, minus the terminal: returns the exit code (0, 1 refused, 64 usage). */
export async function runAdminCreate(argv: string[], io: AdminCreateIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        name: { type: 'string', default: '' },
        role: { type: 'string', default: 'admin' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.printError(`${(err as Error).message}\n${USAGE}`);
    return 64;
  }
  if (values.help) {
    io.print(USAGE);
    return 0;
  }
  if (!values.email) {
    io.printError(`Give the account's email address with --email.\n${USAGE}`);
    return 64;
  }
  const early = [newUserSchema.shape.email.safeParse(values.email), newUserSchema.shape.role.safeParse(values.role)];
  const earlyProblems = early.flatMap((r) => (r.success ? [] : r.error.issues.map((i) => i.message)));
  if (earlyProblems.length) {
    earlyProblems.forEach((p) => io.printError(p));
    return 1;
  }

  const password = values.password ?? (await askPassword(io));
  if (password === null) return 1;

  const db = await io.openDb();
  try {
    const user = await createAccount(db, { email: values.email, name: values.name, role: values.role, password }, io.now);
    io.print(`Created ${user.role === 'admin' ? 'an administrator' : 'an editor'} account for ${user.email}. Sign in at /admin/login.`);
    return 0;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const [field, message] of Object.entries(err.fields)) io.printError(`${field}: ${message}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

async function askPassword(io: AdminCreateIo): Promise<string | null> {
  const first = await io.readPassword('Password: ');
  if (first === null) {
    io.printError('No password given: type one when asked, pipe one line, or use --password.');
    return null;
  }
  if (!io.interactive) return first;
  if ((await io.readPassword('Password again: ')) !== first) {
    io.printError('The two passwords are not the same. Nothing was created.');
    return null;
  }
  return first;
}

function readHidden(prompt: string): Promise<string | null> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    return new Promise((resolve) => {
      let line: string | null = null;
      rl.once('line', (l) => {
        line = l;
        rl.close();
      });
      rl.once('close', () => resolve(line));
    });
  }
  return new Promise((resolve) => {
    stderr.write(prompt);
    let typed = '';
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003' || ch === '\u0004') return finish(null);
        typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function main(): Promise<void> {
  let url: string;
  try {
    url = loadConfig().databaseUrl;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exitCode = 78;
    return;
  }
  process.exitCode = await runAdminCreate(process.argv.slice(2), {
    async openDb() {
      await migrateIfNeeded(url);
      return createDb({ url });
    },
    readPassword: readHidden,
    interactive: Boolean(process.stdin.isTTY),
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
    now: systemClock(),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = err instanceof DatabaseBusyError ? EXIT_BUSY : 1;
  });
}
