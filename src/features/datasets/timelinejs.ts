// TimelineJS (Knight Lab) JSON, both ways (docs/decisions/0035). A TimelineJS file is
// { title?: slide, events: slide[], eras?, scale? }; a slide has start_date/end_date
// ({ year, month?, day?, ..., display_date? }), text { headline, text } (HTML), media { url,
// caption, credit }, group and unique_id.
import { z } from 'zod';
import { firstFreeSlug, slugify, SUMMARY_LENGTH, TITLE_LENGTH, type ExportBundle } from '../content/index.ts';
import { tryParseFuzzyDate } from '../dates/index.ts';
import { truncateAtWord } from './epoch.parse.ts';
import { NameMatcher, ORGANIZATION_ALIASES } from './match.ts';

// ---------------------------------------------------------------------------
// The format

export interface TjsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}
export interface TjsSlide {
  start_date?: TjsDate;
  end_date?: TjsDate;
  text?: { headline?: string; text?: string };
  media?: { url: string; caption?: string; credit?: string };
  group?: string;
  display_date?: string;
  unique_id?: string;
}
export interface TjsDoc {
  title?: TjsSlide;
  events: TjsSlide[];
  scale?: 'human' | 'cosmological';
}

// ---------------------------------------------------------------------------
// HTML in and out: TimelineJS shows headline and text as HTML.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML to plain text: block ends become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------------------
// Export

type Bundle = Pick<ExportBundle, 'organizations' | 'sources' | 'events'>;
const pad = (n: number) => String(n).padStart(2, '0');

/** A fuzzy-date text as TimelineJS dates: as precise as the date is, its own words as display_date when not plain. */
export function datesOf(text: string): { start_date: TjsDate; end_date?: TjsDate; display_date?: string } | null {
  const r = tryParseFuzzyDate(text);
  if (!r.ok) return null;
  const { start, end, precision } = r.value;
  const ymd = (d: Date): TjsDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  if (precision === 'year') return { start_date: { year: start.getUTCFullYear() } };
  if (precision === 'month') return { start_date: { year: start.getUTCFullYear(), month: start.getUTCMonth() + 1 } };
  if (precision === 'day') return { start_date: ymd(start) };
  // Anything fuzzier (a quarter, "early May", a range): the window, and the words as written.
  const last = new Date(end.getTime() - 86_400_000);
  return { start_date: ymd(start), end_date: ymd(last), display_date: r.value.text };
}

/** What a slide shows of an event. */
export interface TjsEvent {
  slug: string;
  title: string;
  summary: string;
  date: string;
  organizations: string[];
  link: { url: string; title: string; publisher: string } | null;
}

/** Export records as the events a slide shows: organizations by name, the first source with an address as the media. */
export function bundleEvents(b: Bundle): TjsEvent[] {
  const orgName = new Map(b.organizations.map((o) => [o.slug, o.name]));
  const source = new Map(b.sources.map((s) => [s.key, s]));
  return b.events.map((e) => {
    const withUrl = e.sources.map((s) => source.get(s.source)).find((s) => s?.url);
    return {
      slug: e.slug,
      title: e.title,
      summary: e.summary,
      date: e.date ?? '',
      organizations: e.organizations.map((o) => orgName.get(o) ?? o),
      link: withUrl ? { url: withUrl.url!, title: withUrl.title, publisher: withUrl.publisher } : null,
    };
  });
}

export function toTimelineJs(events: TjsEvent[], title: { headline: string; text: string }): TjsDoc {
  const slides: TjsSlide[] = [];
  for (const e of events) {
    const dates = datesOf(e.date);
    if (!dates) continue;
    const slide: TjsSlide = {
      ...dates,
      text: { headline: escapeHtml(e.title), text: e.summary ? e.summary.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('') : '' },
      unique_id: e.slug,
    };
    if (e.organizations.length) slide.group = e.organizations.join(', ');
    if (e.link) slide.media = { url: e.link.url, caption: escapeHtml(e.link.title), credit: escapeHtml(e.link.publisher) };
    slides.push(slide);
  }
  return { title: { text: { headline: escapeHtml(title.headline), text: `<p>${escapeHtml(title.text)}</p>` } }, events: slides, scale: 'human' };
}

// ---------------------------------------------------------------------------
// Import

export interface SlideProblem {
  row: number;
  field: string;
  message: string;
}

const num = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v === '' ? undefined : v),
    z
      .number({ error: `${label} is a whole number.` })
      .int(`${label} is a whole number.`)
      .min(min, `${label} must be between ${min} and ${max}.`)
      .max(max, `${label} must be between ${min} and ${max}.`)
      .optional(),
  );
const dateSchema = z.object({
  year: num('year', 1, 9999).refine((v) => v !== undefined, 'a date needs its year.'),
  month: num('month', 1, 12),
  day: num('day', 1, 31),
  display_date: z.string().optional(),
});
const str = z.string().optional();
const slideSchema = z.object({
  start_date: dateSchema.optional(),
  end_date: dateSchema.optional(),
  text: z.object({ headline: str, text: str }).optional(),
  media: z.object({ url: z.string(), caption: str, credit: str }).optional(),
  group: str,
  display_date: str,
  unique_id: z.union([z.string(), z.number()]).optional(),
});

/** The fuzzy-date text a slide's dates give: year only is a year, year and month a month... */
export function dateTextOf(s: { start_date?: { year?: number; month?: number; day?: number; display_date?: string }; end_date?: { year?: number; month?: number; day?: number }; display_date?: string }): string | null {
  for (const words of [s.display_date, s.start_date?.display_date]) {
    if (words && tryParseFuzzyDate(htmlToText(words)).ok) return htmlToText(words);
  }
  const one = (d: { year?: number; month?: number; day?: number } | undefined) => {
    if (!d?.year) return null;
    const y = String(d.year).padStart(4, '0');
    if (!d.month) return y;
    return d.day ? `${y}-${pad(d.month)}-${pad(d.day)}` : `${y}-${pad(d.month)}`;
  };
  const start = one(s.start_date);
  if (!start) return null;
  const end = one(s.end_date);
  return end && end !== start ? `${start}/${end}` : start;
}

type OrgRec = ExportBundle['organizations'][number];
type TagRec = ExportBundle['tags'][number];
type SourceRec = ExportBundle['sources'][number];
type EventRec = Omit<ExportBundle['events'][number], 'edtf'>;

export interface TjsConverted {
  bundle: { organizations: OrgRec[]; tags: TagRec[]; sources: SourceRec[]; events: EventRec[] };
  rowOf: Record<'organizations' | 'tags' | 'sources' | 'events', number[]>;
  problems: SlideProblem[];
  warnings: string[];
  slides: number;
}

export interface TjsOptions {
  /** What a group no organization is called becomes: a tag (default) or a new organization. */
  groups: 'tags' | 'organizations';
  /** Names the file's own source for slides without a link. */
  fileName: string;
}

function fail(message: string): TjsConverted {
  return {
    bundle: { organizations: [], tags: [], sources: [], events: [] },
    rowOf: { organizations: [], tags: [], sources: [], events: [] },
    problems: [{ row: 0, field: 'file', message }],
    warnings: [],
    slides: 0,
  };
}

/** Reads a TimelineJS file into import records; slides are numbered from 1 (the title slide is not one). */
export function fromTimelineJs(text: string, existing: Pick<ExportBundle, 'organizations' | 'sources' | 'events' | 'tags'>, opts: TjsOptions): TjsConverted {
  if (text.trim() === '') return fail('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return fail(`This is not JSON: ${(err as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !Array.isArray((doc as { events?: unknown }).events)) {
    return fail('This is not a TimelineJS file: it needs an "events" list of slides, e.g. {"events": [{"start_date": {"year": 2023}, "text": {"headline": "…"}}]}.');
  }
  const raw = (doc as { events: unknown[]; title?: unknown }).events;
  const titleSlide = slideSchema.safeParse((doc as { title?: unknown }).title ?? {});
  const fileTitle = (titleSlide.success && titleSlide.data.text?.headline ? htmlToText(titleSlide.data.text.headline) : '') || opts.fileName || 'TimelineJS timeline';

  const out: TjsConverted = { bundle: { organizations: [], tags: [], sources: [], events: [] }, rowOf: { organizations: [], tags: [], sources: [], events: [] }, problems: [], warnings: [], slides: raw.length };
  const push = <K extends keyof TjsConverted['bundle']>(list: K, rec: TjsConverted['bundle'][K][number], row: number) => {
    (out.bundle[list] as unknown[]).push(rec);
    out.rowOf[list].push(row);
  };
  const orgs = new NameMatcher(existing.organizations, ORGANIZATION_ALIASES);
  const takenOrgs = new Set(existing.organizations.map((o) => o.slug));
  const tags = new Set<string>();
  const eventSlugs = new Set<string>();
  const sourceByUrl = new Map(existing.sources.filter((s) => s.url).map((s) => [s.url!, s.key]));
  const keys = new Set(existing.sources.map((s) => s.key));
  let n = 0;
  const newKey = () => {
    let k: string;
    do k = `timelinejs-${++n}`;
    while (keys.has(k));
    keys.add(k);
    return k;
  };
  const heldEvents = new Map(existing.events.map((e) => [e.slug, e]));
  let fileSource: string | null = null;
  const ignoredMedia: number[] = [];

  raw.forEach((item, i) => {
    const row = i + 1;
    const problem = (field: string, message: string) => out.problems.push({ row, field, message });
    const parsed = slideSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(issue.path.join('.') || 'slide', issue.message);
      return;
    }
    const s = parsed.data;
    const headline = htmlToText(s.text?.headline ?? '');
    if (!headline) return problem('text.headline', 'The slide has no headline: every event needs a title.');
    if (!s.start_date) return problem('start_date', 'The slide has no start_date: every event needs a date ({"year": 2023} at least).');
    const { year, month, day } = s.start_date;
    if (day && !month) return problem('start_date', 'A day without a month: give the month too, or leave the day out.');
    if (day && month && new Date(Date.UTC(year!, month - 1, day)).getUTCDate() !== day) return problem('start_date', `${year}-${pad(month)}-${pad(day)} is not a day of the calendar.`);
    const date = dateTextOf(s);
    const parsedDate = date ? tryParseFuzzyDate(date) : null;
    if (!date || !parsedDate?.ok) return problem('start_date', parsedDate && !parsedDate.ok ? parsedDate.error : 'The date could not be read.');

    const base = slugify(String(s.unique_id ?? '')) || slugify(headline) || 'event';
    if (eventSlugs.has(base) && s.unique_id !== undefined) return problem('unique_id', `“${s.unique_id}” is the unique_id of an earlier slide.`);
    const slug = eventSlugs.has(base) ? firstFreeSlug(base, eventSlugs) : base;
    eventSlugs.add(slug);

    const organizations: string[] = [];
    const eventTags: string[] = [];
    const group = htmlToText(s.group ?? '');
    for (const name of group ? group.split(/\s*,\s*/).filter(Boolean) : []) {
      const found = orgs.find(name);
      if (found) organizations.push(found);
      else if (opts.groups === 'organizations') {
        const orgSlug = firstFreeSlug(slugify(name) || 'organization', takenOrgs);
        takenOrgs.add(orgSlug);
        orgs.add(orgSlug, name);
        push('organizations', { slug: orgSlug, name: name.slice(0, 200), website: null, description: '', aliases: [] }, row);
        organizations.push(orgSlug);
      } else {
        const tag = slugify(name);
        if (!tag) continue;
        if (!tags.has(tag) && !existing.tags.some((t) => t.slug === tag)) push('tags', { slug: tag, name: name.slice(0, 100) }, row);
        tags.add(tag);
        eventTags.push(tag);
      }
    }

    let sourceKey: string | null = null;
    const url = s.media?.url?.trim() ?? '';
    if (url && /^https?:\/\//i.test(url)) {
      sourceKey = sourceByUrl.get(url) ?? null;
      if (!sourceKey) {
        sourceKey = newKey();
        sourceByUrl.set(url, sourceKey);
        let host = 'the web';
        try {
          host = new URL(url).hostname.replace(/^www\./, '');
        } catch {
          /* kept as given: the import checks the address */
        }
        push(
          'sources',
          {
            key: sourceKey,
            publisher: (htmlToText(s.media?.credit ?? '') || host).slice(0, 200),
            title: (htmlToText(s.media?.caption ?? '') || headline).slice(0, 300),
            url,
            publishedOn: null,
            language: 'en',
            isPrimary: false,
            cites: null,
            discrepancies: [],
          },
          row,
        );
      }
    } else if (url) ignoredMedia.push(row);
    if (!sourceKey) {
      if (!fileSource) {
        fileSource = existing.sources.find((x) => x.publisher === 'TimelineJS file' && x.title === fileTitle.slice(0, 300))?.key ?? newKey();
        if (!existing.sources.some((x) => x.key === fileSource)) {
          push('sources', { key: fileSource, publisher: 'TimelineJS file', title: fileTitle.slice(0, 300), url: null, publishedOn: null, language: 'en', isPrimary: false, cites: null, discrepancies: [] }, row);
        }
      }
      sourceKey = fileSource;
    }

    // An event held under the same slug keeps what TimelineJS cannot say (kind, confidence,
    // subjects, its other sources, organizations and tags): the slide adds to it.
    const held = heldEvents.get(slug);
    const sources = held ? [...held.sources] : [];
    if (!sources.some((x) => x.source === sourceKey)) sources.push({ source: sourceKey, quote: null });
    push(
      'events',
      {
        slug,
        title: truncateAtWord(headline.replace(/\s*\n\s*/g, ' '), TITLE_LENGTH),
        summary: truncateAtWord(htmlToText(s.text?.text ?? ''), SUMMARY_LENGTH),
        kind: held?.kind ?? 'other',
        confidence: held?.confidence ?? 'confirmed',
        date,
        organizations: [...new Set([...(held?.organizations ?? []), ...organizations])].sort(),
        subjects: held?.subjects ?? [],
        tags: [...new Set([...(held?.tags ?? []), ...eventTags])].sort(),
        sources,
      },
      row,
    );
  });
  if (ignoredMedia.length) out.warnings.push(`Media that are not web addresses were left out (slides ${ignoredMedia.slice(0, 20).join(', ')}${ignoredMedia.length > 20 ? '…' : ''}).`);
  if (raw.length === 0) out.warnings.push('The file holds no slides.');
  return out;
}
