// `npm run milestones:flag -- [--now 2024-05-01T00:00:00Z] [--notify]`: runs the milestone flagging
// once (the same function as the scheduled job) against DATABASE_URL, at the given instant or now.
// A run at an instant later than the real clock queues no webhook deliveries unless --notify is
// given: a rehearsal of the future must not tell subscribers it has happened.
// The last line of output is a JSON summary: {"now":…,"due":n,"overdue":n,"transitions":n,"notified":b}.
// Exit codes: 0 done, 2 bad arguments (nothing changed), 78 bad configuration, 1 failure.
import { ConfigError, loadConfig } from '../src/config.ts';
import { flagMilestones, parseInstant } from '../src/features/milestones/index.ts';
import { createDb } from '../src/platform/db.ts';

const USAGE = 'Usage: npm run milestones:flag -- [--now 2024-05-01T00:00:00Z] [--notify]';

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

function parseArgs(argv: string[]): { now: Date; notify: boolean } {
  let now: Date | null = null;
  let notify = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--notify') {
      notify = true;
      continue;
    }
    const m = /^--now(?:=(.*))?$/.exec(arg);
    if (!m) fail(2, `Unknown argument "${arg}".\n${USAGE}`);
    const value = m[1] ?? argv[++i];
    if (value === undefined) fail(2, `--now needs an instant, e.g. --now 2024-05-01T00:00:00Z.\n${USAGE}`);
    now = parseInstant(value);
    if (!now) {
      fail(2, `--now "${value}" is not an ISO 8601 instant: give a date, a time and a zone, e.g. 2024-05-01T00:00:00Z or 2024-05-01T02:00:00+02:00. Nothing was changed.`);
    }
  }
  const real = new Date();
  return { now: now ?? real, notify: notify || (now ?? real) <= real };
}

const { now, notify } = parseArgs(process.argv.slice(2));
let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(78, err.message);
  throw err;
}
const db = await createDb({ url: config.databaseUrl });
try {
  const summary = await flagMilestones(db, now, { graceDays: config.milestoneGraceDays, notify });
  console.log(JSON.stringify(summary));
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
