// What an Epoch file is matched against (decision 46): the keys of what the database holds, its
// organizations and subjects, and only the records the file's rows can match: the sources of its
// links and the release events near its models' dates. The database is never read whole, so an
// import of a few hundred models costs the same beside 20 events or 100,000.
import { heldEvents, heldNames } from '../content/index.ts';
import { parseFuzzyDate } from '../dates/index.ts';
import { inChunks, pagesOf } from '../../platform/batches.ts';
import { readRows, type Db } from '../../platform/db.ts';
import { join, sqltag as sql } from '@prisma/client/runtime/client';
import type { EpochRow } from './epoch.parse.ts';
import { NameMatcher, normaliseName, releaseBaseName } from './match.ts';

type Names = Awaited<ReturnType<typeof heldNames>>;
type HeldEvent = Awaited<ReturnType<typeof heldEvents>>[number];

export interface EpochHeld {
  /** The keys of what the database holds, handed on to the import's check. */
  keys: Names['keys'];
  organizations: Names['organizations'];
  subjects: Names['subjects'];
  /** Whether a held event has this slug. */
  eventSlugTaken: (slug: string) => boolean;
  /** Held release and announcement events that may be the release of one of the file's models, whole. */
  events: HeldEvent[];
  /** Whether a held source has this export key. */
  sourceKeyTaken: (key: string) => boolean;
  /** A held source's export key by publisher and title (ptKey). */
  sourceKeyByPt: (pt: string) => string | undefined;
  /** Held sources' export keys by URL, for the URLs of the file's links. */
  sourceKeyByUrl: Map<string, string>;
}

const DAY = 86_400_000;
/** How far from a model's date a held release can be to be its match (epoch.convert.ts), plus a day's margin. */
export const MATCH_WINDOW_DAYS = 400;
/** Values per `in` list. */
const IN_LIST = 500;
/** Words in a run of a title that can name a model (as in epoch.convert.ts). */
const RUN_WORDS = 8;

/** Every run of up to RUN_WORDS words of a normalised title. */
export function* titleRuns(title: string): Generator<string> {
  const words = normaliseName(title).split(' ');
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= Math.min(words.length, i + RUN_WORDS); j++) yield words.slice(i, j).join(' ');
}

/**
 * `rows`: the file's keys, walked once (they may be kept outside the heap); `models`: the file's
 * models' normalised names.
 */
export async function readEpochHeld(db: Db, rows: Iterable<Pick<EpochRow, 'model' | 'date' | 'links'>>, models: { has(name: string): boolean }): Promise<EpochHeld> {
  const { keys, organizations, subjects } = await heldNames(db);
  const keyOfId = (id: number | undefined) => (id === undefined ? undefined : keys.sourceKey.get(id));
  const takenKeys = new Set(keys.sourceKey.values());

  // One walk over the rows: their links' held sources, a chunk of links at a time, their dates'
  // range, and the held subjects they can match (by name, alias, or a dated name's base).
  const byUrl: { id: number; url: string }[] = [];
  const readUrls = async (chunk: string[]) => {
    if (chunk.length) byUrl.push(...(await readRows<{ id: number; url: string }[]>(db, sql`SELECT "id", "url" FROM "Source" WHERE "url" IN (${join(chunk)})`)));
  };
  let urls: string[] = [];
  let first = Infinity;
  let last = -Infinity;
  const matcher = new NameMatcher(subjects);
  const subjectSet = new Set<string>();
  for (const r of rows) {
    urls.push(...r.links);
    if (urls.length >= IN_LIST) {
      await readUrls(urls);
      urls = [];
    }
    try {
      const start = parseFuzzyDate(r.date).start.getTime();
      first = Math.min(first, start);
      last = Math.max(last, start);
    } catch {
      // A date the row check refused: that row is not matched.
    }
    const base = releaseBaseName(r.model, r.date);
    for (const s of [matcher.find(r.model), base ? matcher.find(base) : null]) if (s) subjectSet.add(s);
  }
  await readUrls(urls);
  // Two held sources with one URL: the newest, as the whole-table read had it.
  const sourceKeyByUrl = new Map<string, string>();
  for (const s of byUrl.sort((a, b) => Number(a.id) - Number(b.id))) sourceKeyByUrl.set(s.url, keys.sourceKey.get(Number(s.id))!);

  // Release events near the file's dates that name one of its models in their title, or are
  // linked to a held subject one of its rows can match.
  const candidates = new Set<string>();
  if (first !== Infinity) {
    const from = new Date(first - (MATCH_WINDOW_DAYS + 1) * DAY);
    const to = new Date(last + (MATCH_WINDOW_DAYS + 1) * DAY);
    const releases = sql`e."kind" IN ('release', 'announcement') AND e."dateStart" >= ${from} AND e."dateStart" <= ${to}`;
    const near = (after: number, take: number) =>
      readRows<{ id: number; slug: string; title: string }[]>(db, sql`SELECT e."id", e."slug", e."title" FROM "Event" e WHERE e."id" > ${after} AND ${releases} ORDER BY e."id" LIMIT ${take}`);
    for await (const page of pagesOf(near)) {
      for (const e of page) for (const run of titleRuns(e.title)) if (models.has(run)) candidates.add(e.slug);
    }
    const subjectSlugs = [...subjectSet];
    const linked = await inChunks(
      subjectSlugs,
      (chunk) =>
        readRows<{ slug: string }[]>(
          db,
          sql`SELECT DISTINCT e."slug" FROM "Subject" s JOIN "EventSubject" j ON j."subjectId" = s."id" JOIN "Event" e ON e."id" = j."eventId" WHERE s."slug" IN (${join(chunk)}) AND ${releases}`,
        ),
      IN_LIST,
    );
    for (const e of linked) candidates.add(e.slug);
  }

  return {
    keys,
    organizations,
    subjects,
    eventSlugTaken: (slug) => keys.eventId.has(slug),
    events: await heldEvents(db, [...candidates], keys),
    sourceKeyTaken: (key) => takenKeys.has(key),
    sourceKeyByPt: (pt) => keyOfId(keys.sourceByPt.get(pt)),
    sourceKeyByUrl,
  };
}
