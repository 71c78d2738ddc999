// Builds the benchmark databases fast: migrations through the app's own migrateDeploy, then raw
// better-sqlite3 inserts in one transaction, in the representation Prisma itself writes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseFuzzyDate } from '../src/features/dates/index.ts';
import { buildSearchText } from '../src/features/search/index.ts';
import { migrateDeploy } from '../src/platform/migrate.ts';
import { sortKey } from '../src/platform/text/sort-key.ts';
import { ORGANIZATIONS, TAGS, generateEvents, randomSource, type EventSpec } from './data.ts';

type Sqlite = Database.Database;

/** Prisma 6 stores DateTime on SQLite as ISO text with an explicit offset (checked in bench.test.ts). */
export function sqlDate(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A migrated, empty database file; copy it rather than migrating again (the CLI takes ~2 s). */
export async function migratedTemplate(dir: string): Promise<string> {
  const file = path.join(dir, 'template.db');
  await migrateDeploy(`file:${file}`);
  return file;
}

export function copyDb(template: string, file: string): string {
  fs.copyFileSync(template, file);
  return file;
}

/** Opens a file with the pragmas the app sets (src/platform/db.ts). */
export function openSqlite(file: string): Sqlite {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

interface Reference {
  organizationIds: number[];
  subjectIds: Map<string, number>;
  tagIds: Map<string, number>;
}

function insertReference(db: Sqlite, at: string): Reference {
  const org = db.prepare('INSERT INTO "Organization" (slug, name, sortName, description, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
  const subject = db.prepare('INSERT INTO "Subject" (slug, name, sortName, kind, description, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const subjectOrg = db.prepare('INSERT INTO "SubjectOrganization" (subjectId, organizationId) VALUES (?, ?)');
  const tag = db.prepare('INSERT INTO "Tag" (slug, name, sortName) VALUES (?, ?, ?)');
  const ref: Reference = { organizationIds: [], subjectIds: new Map(), tagIds: new Map() };
  for (const [slug, name, subjects] of ORGANIZATIONS) {
    const orgId = Number(org.run(slug, name, sortKey(name), `${name}, as seen by the benchmark.`, at, at).lastInsertRowid);
    ref.organizationIds.push(orgId);
    for (const s of subjects) {
      const id = Number(subject.run(slugify(s), s, sortKey(s), 'model', '', at, at).lastInsertRowid);
      ref.subjectIds.set(s, id);
      subjectOrg.run(id, orgId);
    }
  }
  for (const t of TAGS) ref.tagIds.set(t, Number(tag.run(t, t.replace('-', ' '), sortKey(t.replace('-', ' '))).lastInsertRowid));
  db.prepare('INSERT INTO "ContentVersion" (id, version, updatedAt) VALUES (1, 1, ?)').run(at);
  return ref;
}

/**
 * The transfer bench's database: `count` generated events (seed 42) and, since the import needs a
 * source on every event, one source cited by all.
 */
export function insertCitedEvents(file: string, count: number): void {
  const now = new Date('2026-01-01T00:00:00Z');
  insertEvents(file, generateEvents(count, 42), now);
  const raw = openSqlite(file);
  const at = sqlDate(now);
  const sourceId = Number(raw.prepare('INSERT INTO "Source" (publisher, title, language, isPrimary, createdAt, updatedAt) VALUES (?, ?, \'en\', 0, ?, ?)').run('Bench', 'Generated events', at, at).lastInsertRowid);
  raw.prepare('INSERT INTO "EventSource" (eventId, sourceId, position) SELECT id, ?, 0 FROM "Event"').run(sourceId);
  raw.close();
}

/** Inserts the reference rows and `events` (with their join rows) into a migrated, empty file. */
export function insertEvents(file: string, events: EventSpec[], now: Date): void {
  const db = openSqlite(file);
  const at = sqlDate(now);
  try {
    const event = db.prepare(
      `INSERT INTO "Event" (id, slug, title, summary, kind, confidence, dateStart, dateEnd, datePrecision, dateText, searchText, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const eventOrg = db.prepare('INSERT INTO "EventOrganization" (eventId, organizationId) VALUES (?, ?)');
    const eventSubject = db.prepare('INSERT INTO "EventSubject" (eventId, subjectId) VALUES (?, ?)');
    const eventTag = db.prepare('INSERT INTO "EventTag" (eventId, tagId) VALUES (?, ?)');
    db.transaction(() => {
      const ref = insertReference(db, at);
      for (const e of events) {
        const orgNames = e.organizations.map((i) => ORGANIZATIONS[i]![1]);
        const searchText = buildSearchText([e.title, e.summary, ...orgNames, ...e.subjects]);
        const d = e.date;
        event.run(e.id, e.slug, e.title, e.summary, e.kind, e.confidence, sqlDate(d.start), sqlDate(d.end), d.precision, d.text, searchText, at, at);
        for (const i of e.organizations) eventOrg.run(e.id, ref.organizationIds[i]);
        for (const s of e.subjects) eventSubject.run(e.id, ref.subjectIds.get(s));
        for (const t of e.tags) eventTag.run(e.id, ref.tagIds.get(t));
      }
    })();
  } finally {
    db.close();
  }
}

export interface MilestoneSet {
  /** Milestones whose window contains `now`: all come due at once. */
  due: number;
  /** Milestones still in the future at `now`. */
  later: number;
  now: Date;
}

/** Dated claims with windows around `now`, as written by sources ("H1 2026", "mi-2026"...). */
const DUE_TEXTS = ['{y}', 'H1 {y}', 'Q2 {y}', 'June {y}', 'mid {y}', 'mid June {y}', '{y}-06-15', '{y}-06', 'mi-{y}', 'courant {y}', '{y}-05/{y}-07'];
const LATER_TEXTS = ['{n}', 'H2 {y}', 'Q4 {y}', 'late {y}', 'fin {y}', 'early {n}'];

/** Inserts the reference rows and milestones that all come due at `now` (status 'upcoming'). */
export function insertMilestones(file: string, set: MilestoneSet): void {
  const db = openSqlite(file);
  const at = sqlDate(new Date(set.now.getTime() - 180 * 86_400_000));
  const y = set.now.getUTCFullYear();
  const rnd = randomSource(7);
  try {
    const milestone = db.prepare(
      `INSERT INTO "Milestone" (slug, title, claim, kind, expectedText, windowStart, windowEnd, windowPrecision, status, sortStart, sortEnd, searchText, createdAt, updatedAt)
       VALUES (?, ?, ?, 'dated', ?, ?, ?, ?, 'upcoming', ?, ?, ?, ?, ?)`,
    );
    const milestoneOrg = db.prepare('INSERT INTO "MilestoneOrganization" (milestoneId, organizationId) VALUES (?, ?)');
    db.transaction(() => {
      const ref = insertReference(db, at);
      for (let i = 0; i < set.due + set.later; i++) {
        const texts = i < set.due ? DUE_TEXTS : LATER_TEXTS;
        const text = texts[i % texts.length]!.replaceAll('{y}', String(y)).replaceAll('{n}', String(y + 1));
        const w = parseFuzzyDate(text);
        const org = Math.floor(rnd() * ORGANIZATIONS.length);
        const [, orgName, subjects] = ORGANIZATIONS[org]!;
        const title = `${orgName} ships ${subjects[i % subjects.length]} ${i + 1}`;
        const claim = `${orgName} said it would ship this ${text}.`;
        const id = milestone.run(
          `bench-milestone-${i + 1}`,
          title,
          claim,
          text,
          sqlDate(w.start),
          sqlDate(w.end),
          w.precision,
          sqlDate(w.start),
          sqlDate(w.end),
          buildSearchText([title, claim, orgName]),
          at,
          at,
        ).lastInsertRowid;
        milestoneOrg.run(id, ref.organizationIds[org]);
      }
    })();
  } finally {
    db.close();
  }
}
