// Epoch rows turned into Timeline import records (organizations, subjects, sources, events) and
// subject facts, matched against what the database already holds.
import { SUMMARY_LENGTH, TITLE_LENGTH, firstFreeSlug, slugify, type ExportBundle, type FactInput } from '../content/index.ts';
import { parseFuzzyDate } from '../dates/index.ts';
import type { FactKind } from '../facts/index.ts';
import type { EpochRow, RowProblem } from './epoch.parse.ts';
import { truncateAtWord } from './epoch.parse.ts';
import { NameMatcher, ORGANIZATION_ALIASES, normaliseName, releaseBaseName } from './match.ts';
import { MATCH_WINDOW_DAYS, titleRuns, type EpochHeld } from './epoch.held.ts';
import type { KeyStore, SpillList, SpillMap, SpillSet } from '../../platform/spill.ts';

export const EPOCH_PUBLISHER = 'Epoch AI';
export const EPOCH_URL = 'https://epoch.ai/data/ai-models';
export const epochSourceTitle = (model: string) => `AI models database: ${model}`.slice(0, TITLE_LENGTH);

type OrgRec = ExportBundle['organizations'][number];
type SubjectRec = ExportBundle['subjects'][number];
type SourceRec = ExportBundle['sources'][number];
type EventRec = Omit<ExportBundle['events'][number], 'edtf'>;

export interface RowPlan {
  row: number;
  model: string;
  subject: string;
  subjectIsNew: boolean;
  event: string;
  eventIsNew: boolean;
  /** The Epoch source's key in the bundle. */
  epochSource: string;
  /** What disagrees with the timeline, for an editor. */
  review: string | null;
  /** Field changes to an event the import made from an earlier download. */
  changes: string[];
}

/** What the match needs of a row (read 1 of the import keeps only this, for every row). */
export type EpochKey = Pick<EpochRow, 'row' | 'model' | 'date' | 'organizations' | 'links'>;

/** Pass 1 over the file's keys: its organizations and subjects, matched or new, and each row's subject. */
export interface SubjectPlan {
  organizations: { rec: OrgRec; row: number }[];
  subjects: SpillList<{ rec: SubjectRec; row: number }>;
  /** The slugs of the new subjects. */
  newSubjects: SpillSet;
  /** Each row's subject (a row whose model an earlier row has already named has none: it is refused). */
  ofRow: SpillMap<{ slug: string; isNew: boolean; orgs: string[] }>;
  problems: RowProblem[];
  /** Held and new subjects by name, alias or normalised name (base models name them). */
  matcher: NameMatcher;
  orgName: Map<string, string>;
}

/** One row turned into records: the sources it adds (new links, then Epoch's), its event, its facts. */
export interface ConvertedRow {
  sources: SourceRec[];
  event: EventRec;
  plan: RowPlan;
  facts: { row: number; fact: FactInput }[];
}

const pt = (s: { publisher: string; title: string }) => `${s.publisher}\u0000${s.title}`;
const dayOf = (text: string): { start: number; end: number } | null => {
  try {
    const d = parseFuzzyDate(text);
    return { start: d.start.getTime(), end: d.end.getTime() };
  } catch {
    return null;
  }
};
const DAY = 86_400_000;
const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '').slice(0, 200);

/**
 * Whether a held release was made by an earlier import of this row: it cites Epoch, nothing but
 * Epoch and the row's links, and its summary is still the row's abstract. The sources alone do
 * not tell: the seed's GPT-4o cites OpenAI's announcement, which Epoch's row also links, and once
 * matched it cites Epoch too. An editor's event, or one whose summary an editor rewrote, is only
 * matched, never rewritten. (So a newer download that revises an abstract no longer updates that
 * event: it is kept as it is, and a differing date is listed for review.)
 */
function madeByEpoch(held: EventRec, epochKey: string, ownSources: Set<string>, summary: string): boolean {
  return held.sources.some((s) => s.source === epochKey) && held.sources.every((s) => ownSources.has(s.source)) && held.summary === summary;
}

/**
 * Pass 1: organizations and subjects, for every row before any event, so that a base model can
 * name a model further down the file and a model named twice is told at its second row.
 */
export function planSubjects(keys: Iterable<EpochKey>, modelsInFile: { has(model: string): boolean }, existing: EpochHeld, store: KeyStore): SubjectPlan {
  const orgs = new NameMatcher(existing.organizations, ORGANIZATION_ALIASES);
  const subjects = new NameMatcher(existing.subjects, {}, () => store.map());
  const heldSubjects = new NameMatcher(existing.subjects);
  const newSubjects = store.set();
  const plan: SubjectPlan = {
    organizations: [],
    subjects: store.list(),
    newSubjects,
    ofRow: store.map(),
    problems: [],
    matcher: subjects,
    orgName: new Map(existing.organizations.map((o) => [o.slug, o.name])),
  };
  const heldSlugs = new Set(existing.subjects.map((s) => s.slug));
  const taken = { organizations: new Set(existing.organizations.map((o) => o.slug)), subjects: { has: (slug: string) => heldSlugs.has(slug) || newSubjects.has(slug) } };
  const firstRowOfSubject = store.map<number>();
  for (const r of keys) {
    const orgSlugs = r.organizations.map((name) => {
      const found = orgs.find(name);
      if (found) return found;
      const slug = firstFreeSlug(slugify(name), taken.organizations);
      taken.organizations.add(slug);
      orgs.add(slug, name);
      plan.orgName.set(slug, name);
      plan.organizations.push({ rec: { slug, name: name.slice(0, 200), website: null, description: '', aliases: [] }, row: r.row });
      return slug;
    });
    const base = releaseBaseName(r.model, r.date);
    const found = subjects.find(r.model) ?? (base && !modelsInFile.has(normaliseName(base)) ? heldSubjects.find(base) : null);
    const slug = found ?? firstFreeSlug(slugify(r.model), taken.subjects);
    const earlier = firstRowOfSubject.get(slug);
    if (earlier !== undefined) {
      plan.problems.push({ row: r.row, field: 'Model', message: `“${r.model}” is the same model as row ${earlier}.` });
      continue;
    }
    firstRowOfSubject.set(slug, r.row);
    const unique = [...new Set(orgSlugs)];
    if (!found) {
      newSubjects.add(slug);
      subjects.add(slug, r.model);
      plan.subjects.push({ rec: { slug, name: r.model, kind: 'model', description: '', aliases: [], organizations: [...unique].sort() }, row: r.row });
    }
    plan.ofRow.set(r.row, { slug, isNew: !found, orgs: unique });
  }
  return plan;
}

/**
 * Pass 2, one row at a time in file order: its sources, its event (matched to a held release or
 * new) and its facts. The converter keeps what later rows depend on (the links and slugs made so
 * far), so a read of the same file gives the same records each time.
 */
export function rowConverter(existing: EpochHeld, plan: SubjectPlan, store: KeyStore): (r: EpochRow) => ConvertedRow | null {
  const { matcher: subjects, orgName } = plan;
  const newEvents = store.set();
  const takenEvents = { has: (slug: string) => existing.eventSlugTaken(slug) || newEvents.has(slug), add: (slug: string) => newEvents.add(slug) };
  let counter = 0;
  // Keys only grow, so a new key is never one made before; only held keys are checked.
  const newKey = () => {
    let k: string;
    do k = `epoch-import-${++counter}`;
    while (existing.sourceKeyTaken(k));
    return k;
  };
  // Release events by subject and by each run of words in their titles, so that a row finds its
  // event without scanning them all.
  const eventsBySubject = new Map<string, EventRec[]>();
  const eventsByTitleWords = new Map<string, EventRec[]>();
  const index = (m: Map<string, EventRec[]>, k: string, e: EventRec) => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const e of existing.events) {
    if (e.kind !== 'release' && e.kind !== 'announcement') continue;
    for (const s of e.subjects) index(eventsBySubject, s, e);
    for (const run of titleRuns(e.title)) index(eventsByTitleWords, run, e);
  }

  const newLinkKey = store.map<string>();
  const fileTitles = store.set();
  return (r) => {
    const subject = plan.ofRow.get(r.row);
    if (!subject) return null;
    const sources: SourceRec[] = [];
    const facts: ConvertedRow['facts'] = [];

    const linkKeys = r.links.map((url) => {
      const held = existing.sourceKeyByUrl.get(url);
      if (held) return held;
      const made = newLinkKey.get(url);
      if (made) return made;
      const publisher = hostOf(url);
      let title = r.model;
      for (let n = 2; existing.sourceKeyByPt(pt({ publisher, title })) !== undefined || fileTitles.has(pt({ publisher, title })); n++) title = `${r.model} (${n})`;
      fileTitles.add(pt({ publisher, title }));
      const key = newKey();
      newLinkKey.set(url, key);
      sources.push({ key, publisher, title, url, publishedOn: null, language: 'en', isPrimary: true, cites: null, discrepancies: [] });
      return key;
    });

    const epochTitle = epochSourceTitle(r.model);
    const epochKey = existing.sourceKeyByPt(pt({ publisher: EPOCH_PUBLISHER, title: epochTitle })) ?? newKey();
    const epochSource: SourceRec = {
      key: epochKey,
      publisher: EPOCH_PUBLISHER,
      title: epochTitle,
      url: EPOCH_URL,
      publishedOn: null,
      language: 'en',
      isPrimary: false,
      cites: null,
      discrepancies: [],
    };

    const day = dayOf(r.date)!;
    const candidates = [...new Set([...(eventsBySubject.get(subject.slug) ?? []), ...(eventsByTitleWords.get(normaliseName(r.model)) ?? [])])]
      .map((e) => ({ e, d: dayOf(e.date ?? '') }))
      .filter((c): c is { e: EventRec; d: { start: number; end: number } } => c.d !== null && Math.abs(c.d.start - day.start) <= MATCH_WINDOW_DAYS * DAY)
      .sort((a, b) => Math.abs(a.d.start - day.start) - Math.abs(b.d.start - day.start));
    const match = candidates[0] ?? null;

    const names = subject.orgs.map((s) => orgName.get(s) ?? s);
    const title = (names.length ? `${names.slice(0, 2).join(' and ')}${names.length > 2 ? ' and others' : ''} release${names.length > 1 ? '' : 's'} ${r.model}` : `${r.model} is released`).slice(0, TITLE_LENGTH);
    const ownSources = new Set([epochKey, ...linkKeys]);
    const summary = truncateAtWord(r.abstract, SUMMARY_LENGTH);
    const fromEpoch = (slug: string): EventRec => ({
      slug,
      title,
      summary,
      kind: 'release',
      confidence: 'confirmed',
      date: r.date,
      organizations: [...subject.orgs].sort(),
      subjects: [subject.slug],
      tags: [],
      sources: [...linkKeys, epochKey].map((source) => ({ source, quote: null })),
    });

    let event: EventRec;
    let review: string | null = null;
    const changes: string[] = [];
    if (!match) {
      const slug = firstFreeSlug(slugify(`${r.model} release`), takenEvents);
      takenEvents.add(slug);
      event = fromEpoch(slug);
    } else if (madeByEpoch(match.e, epochKey, ownSources, summary)) {
      // Epoch's newer values win (its title, date and organizations); the tags and other subjects
      // an editor gave the event since stay.
      const before = match.e;
      event = { ...fromEpoch(match.e.slug), tags: before.tags, subjects: [...new Set([...before.subjects, subject.slug])].sort() };
      for (const f of ['title', 'date', 'organizations'] as const) {
        if (JSON.stringify(before[f]) !== JSON.stringify(event[f])) changes.push(`${r.model}: ${f} ${JSON.stringify(before[f])} → ${JSON.stringify(event[f])}`);
      }
    } else {
      const held = match.e;
      event = {
        ...held,
        subjects: held.subjects.includes(subject.slug) ? held.subjects : [...held.subjects, subject.slug].sort(),
        sources: held.sources.some((s) => s.source === epochKey) ? held.sources : [...held.sources, { source: epochKey, quote: null }],
      };
      if (day.start < match.d.start || day.start >= match.d.end) {
        review = `${r.model}: Epoch AI dates it ${r.date}; the timeline's “${held.title}” says ${held.date}.`;
        epochSource.discrepancies.push({
          claim: `Epoch AI dates the release of ${r.model} to ${r.date}.`,
          correction: `The timeline dates “${held.title}” to ${held.date}; an editor should check which date is right.`,
        });
      }
    }
    sources.push(epochSource);

    const source = { publisher: EPOCH_PUBLISHER, title: epochTitle };
    const confidence = r.confidence ? `Epoch AI's confidence in its estimates: ${r.confidence}` : '';
    const fact = (kind: FactKind, value: number | null, text: string | null, unit: string | null, note = '', baseModel: string | null = null) =>
      facts.push({ row: r.row, fact: { subject: subject.slug, kind, value, text, unit, baseModel, source, note, recordedAt: null } });
    if (r.parameters !== null) fact('parameters', r.parameters, null, 'parameters', confidence);
    if (r.trainingCompute !== null) fact('trainingCompute', r.trainingCompute, null, 'FLOP', confidence);
    if (r.datasetSize !== null) fact('datasetSize', r.datasetSize, null, 'datapoints', confidence);
    if (r.hardware) fact('hardware', null, r.hardware, null);
    if (r.hardwareQuantity !== null) fact('hardwareQuantity', r.hardwareQuantity, null, 'chips');
    if (r.trainingCost !== null) fact('trainingCost', r.trainingCost, null, 'USD', ['In 2023 US dollars', confidence].filter(Boolean).join('. '));
    if (r.accessibility) fact('accessibility', null, r.accessibility, null);
    if (r.domain) fact('domain', null, r.domain, null);
    if (r.country) fact('country', null, r.country, null);
    if (r.baseModel) {
      const base = subjects.find(r.baseModel);
      fact('baseModel', null, base ? null : r.baseModel, null, '', base);
    }
    return { sources, event, facts, plan: { row: r.row, model: r.model, subject: subject.slug, subjectIsNew: subject.isNew, event: event.slug, eventIsNew: !match, epochSource: epochKey, review, changes } };
  };
}
