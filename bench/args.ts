import { parseArgs } from 'node:util';
import { DEFAULT_POSTGRES_URL } from './build-pg.ts';

export interface BenchOptions {
  events: number;
  milestones: number;
  /** The deep page measured against page 1 (clamped to the last page). */
  page: number;
  duration: number;
  warmup: number;
  /** Measured runs per page; the fastest is kept (other work on the machine only ever slows a run). */
  rounds: number;
  connections: number;
  /** LOG_LEVEL of the app under test (its pino-http request log goes to a file). */
  logLevel: string;
  seed: number;
  only: 'all' | 'http' | 'flag' | 'search' | 'signin' | 'transfer';
  /** Sizes of the search section (issue 11). */
  searchSizes: number[];
  /** Writes V8 CPU profiles of the app (cache off) into the run folder, and keeps it. */
  cpuProf: boolean;
  keep: boolean;
  /** Admin URL of a PostgreSQL server to run the app's HTTP measurements on as well, or null. */
  postgres: string | null;
}

export const USAGE = `npm run bench -- [options]
  --events N        events in the database (default 100000)
  --milestones N    milestones that come due at once, for the flagging section (default 100000)
  --page N          deep page compared with page 1 (default 1000)
  --duration S      seconds measured per run (default 6)
  --warmup S        seconds of warm-up before each run (default 2)
  --rounds N        measured runs per page, the fastest kept (default 2)
  --connections N   autocannon connections (default 10)
  --log-level L     LOG_LEVEL of the app under test (default info)
  --seed N          seed of the generated content (default 42)
  --only http|flag|search|signin  run one section only (signin: readers alone and during a wrong-password attack)
  --only transfer   import and export of --events events, then the Epoch import beside raw inserts (bench/transfer.ts)
  --search-sizes N,N  event counts of the search section (default 10000,100000; 1000000 builds
                    for minutes and is not run unless listed)
  --cpu-prof        write CPU profiles of the uncached app runs and keep the run folder
  --keep            keep the run folder (databases, server logs) in the temp directory
  --postgres [URL]  also run the app's HTTP measurements on PostgreSQL, in a database created for the
                    run through URL and dropped at the end (default: $TEST_POSTGRES_URL, else
                    ${DEFAULT_POSTGRES_URL}), printed beside SQLite's; with --only search, the search
                    and facet cases on PostgreSQL (a database per size)`;

function int(name: string, v: string | undefined, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${v}".\n\n${USAGE}`);
  return n;
}

const isPostgresUrl = (v: string | undefined) => v !== undefined && /^postgres(ql)?:\/\//i.test(v);

/** `--postgres [URL]`, `--postgres=URL`: taken out of argv, since parseArgs has no optional values. */
function takePostgres(argv: string[]): { rest: string[]; postgres: string | null } {
  const rest: string[] = [];
  let postgres: string | null = null;
  const fallback = process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--postgres') {
      postgres = isPostgresUrl(argv[i + 1]) ? argv[++i]! : fallback;
    } else if (a.startsWith('--postgres=')) {
      postgres = a.slice('--postgres='.length);
      if (!isPostgresUrl(postgres)) throw new Error(`--postgres takes a postgres:// or postgresql:// URL, not "${postgres}".\n\n${USAGE}`);
    } else rest.push(a);
  }
  return { rest, postgres };
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { rest, postgres } = takePostgres(argv);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      events: { type: 'string' },
      milestones: { type: 'string' },
      page: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      'log-level': { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string' },
      'search-sizes': { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      keep: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = values.only ?? 'all';
  if (only !== 'all' && only !== 'http' && only !== 'flag' && only !== 'search' && only !== 'signin' && only !== 'transfer') throw new Error(`--only takes http, flag, search, signin or transfer.\n\n${USAGE}`);
  const searchSizes = (values['search-sizes'] ?? '10000,100000').split(',').map((v) => int('search-sizes', v.trim(), 0, 1));
  return {
    events: int('events', values.events, 100_000, 1),
    milestones: int('milestones', values.milestones, 100_000, 1),
    page: int('page', values.page, 1000, 2),
    duration: int('duration', values.duration, 6, 1),
    warmup: int('warmup', values.warmup, 2, 0),
    rounds: int('rounds', values.rounds, 2, 1),
    connections: int('connections', values.connections, 10, 1),
    logLevel: values['log-level'] ?? 'info',
    seed: int('seed', values.seed, 42, 0),
    only,
    searchSizes,
    cpuProf: values['cpu-prof'] ?? false,
    keep: (values.keep ?? false) || (values['cpu-prof'] ?? false),
    postgres,
  };
}
