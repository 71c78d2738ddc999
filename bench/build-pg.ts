// The PostgreSQL side of the bench: a fresh database per run (dropped at the end), migrated with the
// app's own migrateDeploy, then loaded with the same generated rows as build-db.ts writes to SQLite,
// through `pg` multi-row INSERTs in one transaction.
import crypto from 'node:crypto';
import pg from 'pg';
import { buildSearchText } from '../src/features/search/index.ts';
import { migrateDeploy } from '../src/platform/migrate.ts';
import { sortKey } from '../src/platform/text/sort-key.ts';
import { ORGANIZATIONS, TAGS, type EventSpec } from './data.ts';

export const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  name: string;
  /** The admin URL with the new database's name as its path. */
  url: string;
  /** DROP DATABASE … WITH (FORCE): also ends connections left open (the app's pool, the migrate CLI). */
  drop(): Promise<void>;
}

/** The URL with its password hidden, for logs and the results file. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Creates `timeline_bench_<random>` (byte-order collation, as the app expects: docs/postgres.md)
 * through a connection to `adminUrl`'s database, and migrates it.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `timeline_bench_${crypto.randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C' ENCODING 'UTF8'`));
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db: BenchDatabase = {
    name,
    url: u.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
  try {
    await migrateDeploy(db.url);
  } catch (err) {
    await db.drop();
    throw err;
  }
  return db;
}

/**
 * The columns are `timestamp(3)` without time zone holding UTC. PostgreSQL ignores the offset of a
 * literal cast to that type, so the UTC ISO text stores the UTC wall time whatever the TZ of this
 * process (a JS Date would be sent by `pg` in local time, with its offset dropped).
 */
export const pgDate = (d: Date): string => d.toISOString();

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** INSERT … VALUES (…), (…) in batches under PostgreSQL's 65,535 bind parameters. */
export async function insertRows(c: pg.ClientBase, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const batch = Math.max(1, Math.floor(30_000 / columns.length));
  const cols = columns.map((col) => `"${col}"`).join(', ');
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const values = chunk.map((_, r) => `(${columns.map((_, k) => `$${r * columns.length + k + 1}`).join(', ')})`).join(', ');
    await c.query(`INSERT INTO "${table}" (${cols}) VALUES ${values}`, chunk.flat());
  }
}

/** Inserts the reference rows and `events` (with their join rows) into a migrated, empty database. */
export async function insertEventsPg(url: string, events: EventSpec[], now: Date): Promise<void> {
  const at = pgDate(now);
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    try {
      const organizationIds: number[] = [];
      const subjectIds = new Map<string, number>();
      const tagIds = new Map<string, number>();
      for (const [slug, name, subjects] of ORGANIZATIONS) {
        const org = await c.query<{ id: number }>(
          'INSERT INTO "Organization" ("slug", "name", "sortName", "description", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $5) RETURNING "id"',
          [slug, name, sortKey(name), `${name}, as seen by the benchmark.`, at],
        );
        const orgId = org.rows[0]!.id;
        organizationIds.push(orgId);
        for (const s of subjects) {
          const sub = await c.query<{ id: number }>(
            'INSERT INTO "Subject" ("slug", "name", "sortName", "kind", "description", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING "id"',
            [slugify(s), s, sortKey(s), 'model', '', at],
          );
          subjectIds.set(s, sub.rows[0]!.id);
          await c.query('INSERT INTO "SubjectOrganization" ("subjectId", "organizationId") VALUES ($1, $2)', [sub.rows[0]!.id, orgId]);
        }
      }
      for (const t of TAGS) {
        const tag = await c.query<{ id: number }>('INSERT INTO "Tag" ("slug", "name", "sortName") VALUES ($1, $2, $3) RETURNING "id"', [
          t,
          t.replace('-', ' '),
          sortKey(t.replace('-', ' ')),
        ]);
        tagIds.set(t, tag.rows[0]!.id);
      }
      await c.query('INSERT INTO "ContentVersion" ("id", "version", "updatedAt") VALUES (1, 1, $1)', [at]);

      const eventRows: unknown[][] = [];
      const orgRows: unknown[][] = [];
      const subjectRows: unknown[][] = [];
      const tagRows: unknown[][] = [];
      for (const e of events) {
        const orgNames = e.organizations.map((i) => ORGANIZATIONS[i]![1]);
        const d = e.date;
        eventRows.push([
          e.id,
          e.slug,
          e.title,
          e.summary,
          e.kind,
          e.confidence,
          pgDate(d.start),
          pgDate(d.end),
          d.precision,
          d.text,
          buildSearchText([e.title, e.summary, ...orgNames, ...e.subjects]),
          at,
          at,
        ]);
        for (const i of e.organizations) orgRows.push([e.id, organizationIds[i]]);
        for (const s of e.subjects) subjectRows.push([e.id, subjectIds.get(s)]);
        for (const t of e.tags) tagRows.push([e.id, tagIds.get(t)]);
      }
      await insertRows(
        c,
        'Event',
        ['id', 'slug', 'title', 'summary', 'kind', 'confidence', 'dateStart', 'dateEnd', 'datePrecision', 'dateText', 'searchText', 'createdAt', 'updatedAt'],
        eventRows,
      );
      await insertRows(c, 'EventOrganization', ['eventId', 'organizationId'], orgRows);
      await insertRows(c, 'EventSubject', ['eventId', 'subjectId'], subjectRows);
      await insertRows(c, 'EventTag', ['eventId', 'tagId'], tagRows);
      // Explicit ids leave the SERIAL sequence behind: move it past them, as a restore would.
      await c.query(`SELECT setval(pg_get_serial_sequence('"Event"', 'id'), GREATEST((SELECT MAX("id") FROM "Event"), 1))`);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    // Fresh statistics and visibility map, as autovacuum leaves a database that has been running
    // for a while. Without the map, each index-only probe of a join table also reads the row: a
    // one-word search's facets at 100,000 events took 42 ms just after the load, 19.5 ms after VACUUM.
    await c.query('VACUUM ANALYZE');
  });
}
