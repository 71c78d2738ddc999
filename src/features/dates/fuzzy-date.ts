/**
 * Fuzzy dates: a date kept at the precision its source gave ("2024", "early May 2024",
 * "Q2 2024", "mi-2024"), stored as a UTC window [start, end) plus that precision and the
 * text as written. Pure functions, no I/O.
 */

export type Precision = 'day' | 'month-part' | 'month' | 'year-part' | 'quarter' | 'half' | 'year' | 'range';

/** Every precision, finest first. */
export const PRECISIONS: readonly Precision[] = Object.freeze([
  'day',
  'month-part',
  'month',
  'year-part',
  'quarter',
  'half',
  'year',
  'range',
] as const);

export interface FuzzyDate {
  /** Inclusive, UTC midnight. */
  start: Date;
  /** Exclusive, UTC midnight. */
  end: Date;
  precision: Precision;
  /** The input as written, trimmed. */
  text: string;
}

/** What the display and export functions need; `precision` may come from storage unchecked. */
interface StoredDate {
  start: Date;
  end: Date;
  precision: Precision | string;
}

export const ACCEPTED_FORMS: readonly string[] = Object.freeze([
  '2023-07-18',
  '2023-07',
  '2024',
  'Q2 2024',
  '2024-Q2',
  'H1 2024',
  '2024-H1',
  'early 2024',
  'mid 2024',
  'late 2024',
  'early May 2024',
  'May 2024',
  '18 July 2023',
  'July 18, 2023',
  '2024-01/2024-04',
  'début 2024',
  'mi-2024',
  'fin 2024',
  'courant 2024',
  'mai 2024',
  'début mai 2024',
  '18 juillet 2023',
]);

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const MAX_LENGTH = 100;
const QUOTE_LENGTH = 40;

export class FuzzyDateError extends Error {
  readonly code = 'invalid_fuzzy_date';
  readonly input: string;

  constructor(input: string, message: string = unrecognisedMessage(input)) {
    super(message);
    this.name = 'FuzzyDateError';
    this.input = input;
  }
}

export function isPrecision(value: unknown): value is Precision {
  return typeof value === 'string' && (PRECISIONS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------
// Calendar vocabulary

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Spellings after normalisation (lower case, accents removed); English and French. */
const MONTH_SPELLINGS: readonly (readonly [month: number, spellings: string])[] = [
  [1, 'january jan janvier janv'],
  [2, 'february feb fevrier fevr fev'],
  [3, 'march mar mars'],
  [4, 'april apr avril avr'],
  [5, 'may mai'],
  [6, 'june jun juin'],
  [7, 'july jul juillet juil'],
  [8, 'august aug aout'],
  [9, 'september sep sept septembre'],
  [10, 'october oct octobre'],
  [11, 'november nov novembre'],
  [12, 'december dec decembre'],
];

const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  MONTH_SPELLINGS.flatMap(([month, spellings]) => spellings.split(' ').map((word) => [word, month] as const)),
);

type Part = 'early' | 'mid' | 'late';

const PART_WORDS: ReadonlyMap<string, Part> = new Map<string, Part>([
  ['early', 'early'],
  ['debut', 'early'],
  ['mid', 'mid'],
  ['mi', 'mid'],
  ['late', 'late'],
  ['fin', 'late'],
]);

const PART_INDEX: Record<Part, number> = { early: 0, mid: 1, late: 2 };
const PARTS: readonly Part[] = ['early', 'mid', 'late'];

function partStartingAt(value: number, firsts: readonly [number, number, number]): Part | undefined {
  return PARTS[firsts.indexOf(value)];
}

/** Words that may precede any single date without changing it ("during 2024", "dans le courant de 2024"). */
const FILLERS = [
  'in',
  'during',
  'en',
  'courant',
  'courant de',
  'dans le courant de',
  "dans le courant de l'annee",
  'au cours de',
  "au cours de l'annee",
];

// ---------------------------------------------------------------------------
// A date of one precision, before it becomes a window

type Single =
  | { precision: 'day'; year: number; month: number; day: number }
  | { precision: 'month-part'; year: number; month: number; part: Part }
  | { precision: 'month'; year: number; month: number }
  | { precision: 'year-part'; year: number; part: Part }
  | { precision: 'quarter'; year: number; quarter: number }
  | { precision: 'half'; year: number; half: number }
  | { precision: 'year'; year: number };

interface Window {
  start: Date;
  end: Date;
}

/** UTC midnight; month is 1-based and may overflow into the next year. Safe for years 0–99. */
function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function daysInMonth(year: number, month: number): number {
  return utc(year, month + 1, 0).getUTCDate();
}

function windowOf(s: Single): Window {
  switch (s.precision) {
    case 'day':
      return { start: utc(s.year, s.month, s.day), end: utc(s.year, s.month, s.day + 1) };
    case 'month-part': {
      const first = 1 + 10 * PART_INDEX[s.part];
      const end = s.part === 'late' ? utc(s.year, s.month + 1, 1) : utc(s.year, s.month, first + 10);
      return { start: utc(s.year, s.month, first), end };
    }
    case 'month':
      return { start: utc(s.year, s.month, 1), end: utc(s.year, s.month + 1, 1) };
    case 'year-part': {
      const first = 1 + 4 * PART_INDEX[s.part];
      return { start: utc(s.year, first, 1), end: utc(s.year, first + 4, 1) };
    }
    case 'quarter':
      return { start: utc(s.year, 3 * s.quarter - 2, 1), end: utc(s.year, 3 * s.quarter + 1, 1) };
    case 'half':
      return { start: utc(s.year, 6 * s.half - 5, 1), end: utc(s.year, 6 * s.half + 1, 1) };
    case 'year':
      return { start: utc(s.year, 1, 1), end: utc(s.year + 1, 1, 1) };
  }
}

function labelOf(s: Single): string {
  switch (s.precision) {
    case 'day':
      return `${s.day} ${monthName(s.month)} ${s.year}`;
    case 'month-part':
      return `${s.part} ${monthName(s.month)} ${s.year}`;
    case 'month':
      return `${monthName(s.month)} ${s.year}`;
    case 'year-part':
      return `${s.part} ${s.year}`;
    case 'quarter':
      return `Q${s.quarter} ${s.year}`;
    case 'half':
      return `H${s.half} ${s.year}`;
    case 'year':
      return String(s.year);
  }
}

/** EDTF for the precisions EDTF can name; undefined means "write the window as an interval". */
function edtfOf(s: Single): string | undefined {
  switch (s.precision) {
    case 'day':
      return `${edtfYear(s.year)}-${pad2(s.month)}-${pad2(s.day)}`;
    case 'month':
      return `${edtfYear(s.year)}-${pad2(s.month)}`;
    case 'quarter':
      return `${edtfYear(s.year)}-${32 + s.quarter}`; // ISO 8601-2 sub-year groupings 33–36
    case 'half':
      return `${edtfYear(s.year)}-${39 + s.half}`; // ISO 8601-2 semestrals 40–41
    case 'year':
      return edtfYear(s.year);
    case 'month-part':
    case 'year-part':
      return undefined;
  }
}

/** The single-precision reading of a stored date, if its precision is one and its window is exactly that. */
function singleFrom(d: StoredDate): Single | undefined {
  const year = d.start.getUTCFullYear();
  const month = d.start.getUTCMonth() + 1;
  const day = d.start.getUTCDate();
  const candidate = ((): Single | undefined => {
    switch (d.precision) {
      case 'day':
        return { precision: 'day', year, month, day };
      case 'month-part': {
        const part = partStartingAt(day, [1, 11, 21]);
        return part ? { precision: 'month-part', year, month, part } : undefined;
      }
      case 'month':
        return { precision: 'month', year, month };
      case 'year-part': {
        const part = partStartingAt(month, [1, 5, 9]);
        return part ? { precision: 'year-part', year, part } : undefined;
      }
      case 'quarter':
        return (month - 1) % 3 === 0 ? { precision: 'quarter', year, quarter: (month + 2) / 3 } : undefined;
      case 'half':
        return (month - 1) % 6 === 0 ? { precision: 'half', year, half: (month + 5) / 6 } : undefined;
      case 'year':
        return { precision: 'year', year };
      default:
        return undefined;
    }
  })();
  if (!candidate) return undefined;
  const w = windowOf(candidate);
  return sameInstant(w.start, d.start) && sameInstant(w.end, d.end) ? candidate : undefined;
}

// ---------------------------------------------------------------------------
// Parsing: a small grammar of whole-string patterns over normalised text

/** A specific reason the input is not a valid date (as opposed to not being recognised at all). */
class Problem {
  constructor(readonly reason: string) {}
}

interface Rule {
  pattern: RegExp;
  build: (...captures: string[]) => Single;
}

/** A non-capturing alternation, longest words first. */
const oneOf = (words: Iterable<string>): string => `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;

const FILLER = `(?:${oneOf(FILLERS)} )?`;
const YEAR = '(\\d{4})';
const NUM = '(\\d{1,2})';
const ORDINAL = `${NUM}(?:st|nd|rd|th|er)?`;
const MONTH = `(${oneOf(MONTH_WORDS.keys())})\\.?`;
const PART = `(${oneOf(PART_WORDS.keys())})`;

function rule(source: string, build: Rule['build']): Rule {
  return { pattern: new RegExp(`^${FILLER}${source}$`), build };
}

const RULES: readonly Rule[] = [
  rule(`${YEAR}-(\\d{2})-(\\d{2})`, (y, m, d) => day(y, m, d)),
  rule(`${YEAR}-(\\d{2})`, (y, m) => ({ precision: 'month', year: toYear(y), month: toMonth(m) })),
  rule(YEAR, (y) => ({ precision: 'year', year: toYear(y) })),
  // q = quarter, t = trimestre; h = half, s = semestre
  rule(`[qt]${NUM} ?${YEAR}`, (q, y) => quarter(y, q)),
  rule(`${YEAR}[ -][qt]${NUM}`, (y, q) => quarter(y, q)),
  rule(`[hs]${NUM} ?${YEAR}`, (h, y) => half(y, h)),
  rule(`${YEAR}[ -][hs]${NUM}`, (y, h) => half(y, h)),
  rule(`${PART}[ -]${YEAR}`, (p, y) => ({ precision: 'year-part', year: toYear(y), part: toPart(p) })),
  rule(`${PART}[ -]${MONTH} ${YEAR}`, (p, m, y) => ({
    precision: 'month-part',
    year: toYear(y),
    month: toMonth(m),
    part: toPart(p),
  })),
  rule(`${MONTH} ${YEAR}`, (m, y) => ({ precision: 'month', year: toYear(y), month: toMonth(m) })),
  rule(`${ORDINAL} ${MONTH} ${YEAR}`, (d, m, y) => day(y, m, d)),
  rule(`${MONTH} ${ORDINAL},? ${YEAR}`, (m, d, y) => day(y, m, d)),
];

/** Range separators: "/", an en or em dash, a spaced hyphen, or " to ". */
const RANGE = /^(.+?) ?(?:\/|–|—| - | to ) ?(.+)$/;

function toYear(text: string): number {
  const year = Number(text);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Problem(`the year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  return year;
}

function toMonth(text: string): number {
  const word = MONTH_WORDS.get(text);
  if (word !== undefined) return word;
  const month = Number(text);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Problem(`there is no month ${text}`);
  return month;
}

function toPart(text: string): Part {
  const part = PART_WORDS.get(text);
  if (!part) throw new Problem(`"${text}" is not early, mid or late`);
  return part;
}

function day(y: string, m: string, d: string): Single {
  const year = toYear(y);
  const month = toMonth(m);
  const dayOfMonth = Number(d);
  const length = daysInMonth(year, month);
  if (dayOfMonth < 1) throw new Problem(`there is no day ${d}`);
  if (dayOfMonth > length) throw new Problem(`${monthName(month)} ${year} has only ${length} days`);
  return { precision: 'day', year, month, day: dayOfMonth };
}

function quarter(y: string, q: string): Single {
  const n = Number(q);
  if (n < 1 || n > 4) throw new Problem(`there is no quarter ${q} (use Q1 to Q4)`);
  return { precision: 'quarter', year: toYear(y), quarter: n };
}

function half(y: string, h: string): Single {
  const n = Number(h);
  if (n < 1 || n > 2) throw new Problem(`there is no half ${h} (use H1 or H2)`);
  return { precision: 'half', year: toYear(y), half: n };
}

/** Lower case, accents removed, quotes and whitespace unified: the text every date grammar reads. */
export function normaliseDateText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses one non-range form; `undefined` when no rule recognises it. */
function parseSingle(normalised: string): Single | undefined {
  for (const { pattern, build } of RULES) {
    const match = pattern.exec(normalised);
    if (match) return build(...match.slice(1).map((c) => c ?? ''));
  }
  return undefined;
}

function parseNormalised(normalised: string): { window: Window; precision: Precision } | undefined {
  const single = parseSingle(normalised);
  if (single) return { window: windowOf(single), precision: single.precision };

  const sides = RANGE.exec(normalised);
  if (!sides) return undefined;
  const [from, to] = [sides[1] ?? '', sides[2] ?? ''].map((side) => {
    const parsed = parseSingle(side.trim());
    if (!parsed) throw new Problem(`"${quote(side.trim())}" is not a form we understand`);
    return parsed;
  }) as [Single, Single];
  const a = windowOf(from);
  const b = windowOf(to);
  if (b.end <= a.start || b.start < a.start) {
    throw new Problem(`the end (${labelOf(to)}) comes before the start (${labelOf(from)})`);
  }
  return { window: { start: a.start, end: b.end }, precision: 'range' };
}

export function parseFuzzyDate(input: string): FuzzyDate {
  const raw = typeof input === 'string' ? input : '';
  try {
    const text = raw.trim();
    if (text === '') {
      throw new FuzzyDateError(raw, `Enter a date, for example ${ACCEPTED_FORMS.join(', ')}.`);
    }
    if (text.length > MAX_LENGTH) {
      throw new FuzzyDateError(raw, problemMessage(text, `it is longer than ${MAX_LENGTH} characters`));
    }
    const parsed = parseNormalised(normaliseDateText(text));
    if (!parsed) throw new FuzzyDateError(raw);
    return { ...parsed.window, precision: parsed.precision, text };
  } catch (error) {
    if (error instanceof FuzzyDateError) throw error;
    if (error instanceof Problem) throw new FuzzyDateError(raw, problemMessage(raw.trim(), error.reason));
    // The contract is "throws FuzzyDateError only", whatever went wrong.
    throw new FuzzyDateError(raw);
  }
}

export function tryParseFuzzyDate(input: string): { ok: true; value: FuzzyDate } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseFuzzyDate(input) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : unrecognisedMessage(String(input)) };
  }
}

function quote(text: string): string {
  const chars = Array.from(text);
  return chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH - 1).join('')}…` : text;
}

const formsList = (): string => `Use one of: ${ACCEPTED_FORMS.join(', ')}.`;

function unrecognisedMessage(input: string): string {
  return `"${quote(input.trim())}" is not a date we understand. ${formsList()}`;
}

function problemMessage(text: string, reason: string): string {
  return `"${quote(text)}" is not a valid date: ${reason}. ${formsList()}`;
}

// ---------------------------------------------------------------------------
// Display, export, ordering

type Unit = 'year' | 'month' | 'day';

function isMidnight(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

function alignedTo(date: Date): Unit | undefined {
  if (!isMidnight(date)) return undefined;
  if (date.getUTCDate() !== 1) return 'day';
  return date.getUTCMonth() === 0 ? 'year' : 'month';
}

const UNITS: readonly Unit[] = ['day', 'month', 'year'];

/** The coarsest unit on whose boundaries both ends of the window fall (day if either is not a boundary). */
function commonUnit(w: Window): Unit {
  const a = alignedTo(w.start) ?? 'day';
  const b = alignedTo(w.end) ?? 'day';
  return UNITS[Math.min(UNITS.indexOf(a), UNITS.indexOf(b))] ?? 'day';
}

/** The window as its first and last unit (the last one holds the instant just before the end). */
function endpoints(w: Window): { unit: Unit; first: Date; last: Date } {
  return { unit: commonUnit(w), first: w.start, last: new Date(w.end.getTime() - 1) };
}

function labelAt(unit: Unit, date: Date): string {
  const year = date.getUTCFullYear();
  const month = monthName(date.getUTCMonth() + 1);
  if (unit === 'year') return String(year);
  if (unit === 'month') return `${month} ${year}`;
  return `${date.getUTCDate()} ${month} ${year}`;
}

function edtfAt(unit: Unit, date: Date): string {
  const year = edtfYear(date.getUTCFullYear());
  if (unit === 'year') return year;
  if (unit === 'month') return `${year}-${pad2(date.getUTCMonth() + 1)}`;
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

function hasValidBounds(d: StoredDate): boolean {
  return d.start instanceof Date && d.end instanceof Date && Number.isFinite(d.start.getTime()) && Number.isFinite(d.end.getTime());
}

/**
 * English label at the stored precision. A range (or a window that does not match its stated
 * precision) is shown as "first – last", both ends in the coarsest unit that describes them
 * exactly: "2023 – 2024", "January 2024 – April 2024", "6 December 2023 – 18 April 2024".
 * Every label produced here parses back to the same window and precision.
 */
export function formatFuzzyDate(d: StoredDate): string {
  if (!hasValidBounds(d)) return 'unknown date';
  const single = singleFrom(d);
  if (single) return labelOf(single);
  if (d.end <= d.start) return labelAt('day', d.start); // not a window; show where it starts
  const { unit, first, last } = endpoints(d);
  return `${labelAt(unit, first)} – ${labelAt(unit, last)}`;
}

/**
 * EDTF (ISO 8601-2): "2023-07-18", "2023-07", "2024", quarters as "2024-33".."2024-36", halves as
 * "2024-40"/"2024-41"; early/mid/late and ranges as intervals such as "2024-01/2024-04".
 * Invalid dates give "XXXX" (EDTF for an unspecified year).
 */
export function toEdtf(d: StoredDate): string {
  if (!hasValidBounds(d)) return 'XXXX';
  const single = singleFrom(d);
  const named = single && edtfOf(single);
  if (named) return named;
  if (d.end <= d.start) return edtfAt('day', d.start);
  const { unit, first, last } = endpoints(d);
  return `${edtfAt(unit, first)}/${edtfAt(unit, last)}`;
}

/** Start ascending, then end ascending (so the finer of two dates with one start comes first), then title. */
export function compareFuzzyDates(
  a: { start: Date; end: Date; title?: string },
  b: { start: Date; end: Date; title?: string },
): number {
  return (
    compareNumbers(a.start.getTime(), b.start.getTime()) ||
    compareNumbers(a.end.getTime(), b.end.getTime()) ||
    (a.title ?? '').localeCompare(b.title ?? '')
  );
}

const PRECISION_LABELS: Record<Precision, string> = {
  day: 'day',
  'month-part': 'part of a month',
  month: 'month',
  'year-part': 'part of a year',
  quarter: 'quarter',
  half: 'half-year',
  year: 'year',
  range: 'date range',
};

export function precisionLabel(p: Precision | string): string {
  return isPrecision(p) ? PRECISION_LABELS[p] : String(p).replace(/-/g, ' ');
}

// ---------------------------------------------------------------------------
// Small helpers

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function edtfYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

function sameInstant(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
