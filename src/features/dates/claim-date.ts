/**
 * Claim dates: the expected date of a forecast, read the way people say it ("by 2027", "within
 * two years", "as early as 2026", "6 to 12 months", "5-10 years after powerful AI",
 * "l'année prochaine", "d'ici deux ans", "2026 (70-80% chance)"). Pure functions, no I/O.
 *
 * A reading has a shape (window, deadline, earliest, interval, offset), a UTC window
 * [start, end) where either end may be open (null), the day it was said when relative words or
 * durations were read against it, a stated likelihood and the hedges kept as text.
 * Absolute parts go through the fuzzy-date grammar; relative words are first rewritten into
 * absolute ones ("next year" said in 2023 -> "2024"), so both grammars agree on every window.
 */
import { formatFuzzyDate, normaliseDateText, parseFuzzyDate, type Precision } from './fuzzy-date.ts';

export const CLAIM_SHAPES = ['window', 'deadline', 'earliest', 'interval', 'offset'] as const;
export type ClaimShape = (typeof CLAIM_SHAPES)[number];

export function isClaimShape(value: unknown): value is ClaimShape {
  return typeof value === 'string' && (CLAIM_SHAPES as readonly string[]).includes(value);
}

export interface Likelihood {
  /** 0..1 */
  low: number;
  /** 0..1, >= low */
  high: number;
  /** As written: "70-80% chance". */
  text: string;
}

/** A length of time: whole months (years, quarters, decades) or days (weeks, days). */
export interface Span {
  months: number;
  days: number;
}

export interface ClaimDate {
  /** The input as written, trimmed. */
  text: string;
  shape: ClaimShape;
  /** Inclusive, or null when open (a deadline with no day said, an offset whose anchor is not given). */
  start: Date | null;
  /** Exclusive, or null when open (an earliest date, an offset without an upper bound). */
  end: Date | null;
  /** The fuzzy-date precision of a window read from one absolute date; 'range' otherwise. */
  precision: Precision;
  /** English reading: "2024", "by the end of 2027", "from 2026 on", "5–10 years after powerful AI". */
  label: string;
  /** The day the claim was said, when the reading depends on it; null otherwise. */
  relativeTo: Date | null;
  likelihood: Likelihood | null;
  /** Hedges kept as written ("maybe 2027", "probably", "70-80% chance"), joined by "; ". */
  hedge: string | null;
  /** For an offset: the time after the anchor (min..max; max null when open) and the anchor's words. */
  offset: { min: Span; max: Span | null; anchor: string } | null;
}

export interface ClaimDateOptions {
  /** The day the claim was said (UTC midnight). Needed for relative words and durations. */
  relativeTo?: Date | null;
  /** For an offset: the start of the event it hangs on, when known. */
  anchorStart?: Date | null;
}

export const ACCEPTED_CLAIM_FORMS: readonly string[] = Object.freeze([
  'May 2024',
  'late 2026 or early 2027',
  '2026, maybe 2027',
  'next year',
  'this year',
  'next quarter',
  'by 2027',
  'within two years',
  'in the next 2 or 3 years',
  'as early as 2026',
  'not before 2026',
  '6 to 12 months',
  'in 18 months',
  '5-10 years after powerful AI',
  "after Google's Gemini",
  'the late 2020s',
  '2026 (70-80% chance)',
  "l'année prochaine",
  'cette année',
  "d'ici deux ans",
  'dans les six mois',
  'à partir de début 2024',
  "dans le courant de l'année prochaine",
  "qu'on attend en mai 2024",
  'pas avant 2026',
  'dans 2 à 3 ans',
]);

const MAX_LENGTH = 200;
const QUOTE_LENGTH = 40;

export class ClaimDateError extends Error {
  readonly code = 'invalid_claim_date';
  readonly input: string;
  /** True when the text is relative ("next year", "within two years") and no day said was given. */
  readonly needsSaidDate: boolean;

  constructor(input: string, message: string, needsSaidDate = false) {
    super(message);
    this.name = 'ClaimDateError';
    this.input = input;
    this.needsSaidDate = needsSaidDate;
  }
}

class Problem {
  constructor(
    readonly reason: string,
    readonly needsSaidDate = false,
  ) {}
}

// ---------------------------------------------------------------------------
// Calendar arithmetic (UTC)

const DAY_MS = 86_400_000;

function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function addSpan(date: Date, span: Span): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1 + span.months;
  const lastDay = utc(y, m + 1, 0).getUTCDate();
  const moved = utc(y, m, Math.min(date.getUTCDate(), lastDay));
  return new Date(moved.getTime() + span.days * DAY_MS);
}

function startOfDay(date: Date): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------
// Numbers and durations

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['un', 1], ['une', 1],
  ['two', 2], ['deux', 2], ['a couple of', 2], ['a couple', 2], ['couple of', 2],
  ['three', 3], ['trois', 3], ['four', 4], ['quatre', 4], ['five', 5], ['cinq', 5],
  ['six', 6], ['seven', 7], ['sept', 7], ['eight', 8], ['huit', 8], ['nine', 9], ['neuf', 9],
  ['ten', 10], ['dix', 10], ['eleven', 11], ['onze', 11], ['twelve', 12], ['douze', 12],
  ['fifteen', 15], ['quinze', 15], ['eighteen', 18], ['dix-huit', 18], ['twenty', 20], ['vingt', 20],
  ['twenty-four', 24], ['vingt-quatre', 24], ['thirty', 30], ['trente', 30], ['fifty', 50], ['cinquante', 50],
  ['half a', 0.5], ['a half', 0.5], ['half', 0.5], ['a dozen', 12], ['une dizaine de', 10],
]);

const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[-.]/g, '\\$&')).join('|');

const NUM = `(?:\\d{1,3}(?:[.,]\\d{1,2})?|${alternation(NUMBER_WORDS.keys())})`;
const UNIT_MONTHS: ReadonlyMap<string, Span> = new Map([
  ['day', { months: 0, days: 1 }], ['days', { months: 0, days: 1 }], ['jour', { months: 0, days: 1 }], ['jours', { months: 0, days: 1 }],
  ['week', { months: 0, days: 7 }], ['weeks', { months: 0, days: 7 }], ['semaine', { months: 0, days: 7 }], ['semaines', { months: 0, days: 7 }],
  ['month', { months: 1, days: 0 }], ['months', { months: 1, days: 0 }], ['mois', { months: 1, days: 0 }],
  ['quarter', { months: 3, days: 0 }], ['quarters', { months: 3, days: 0 }], ['trimestre', { months: 3, days: 0 }], ['trimestres', { months: 3, days: 0 }],
  ['year', { months: 12, days: 0 }], ['years', { months: 12, days: 0 }], ['an', { months: 12, days: 0 }], ['ans', { months: 12, days: 0 }],
  ['annee', { months: 12, days: 0 }], ['annees', { months: 12, days: 0 }],
  ['half-decade', { months: 60, days: 0 }], ['half decade', { months: 60, days: 0 }],
  ['decade', { months: 120, days: 0 }], ['decades', { months: 120, days: 0 }], ['decennie', { months: 120, days: 0 }], ['decennies', { months: 120, days: 0 }],
]);
const UNIT = `(${alternation(UNIT_MONTHS.keys())})`;
const NEXT_FR = `(?:prochain(?:e)?s? )?`;
/** "6 to 12", "1-2", "one to five", "2 or 3", "deux à trois" */
const AMOUNT = `(${NUM})(?: ?(?:-|–|to|or|a|ou|and) ?(${NUM}))?`;
/** An amount and its unit: "6 to 12 months", "two years", "18 mois", "a year and a half", "un an et demi". */
const DURATION = `${AMOUNT} ${NEXT_FR}${UNIT}( and a half| et demie?)?(?: ${NEXT_FR.trim()})?`;

function amountOf(text: string): number {
  const word = NUMBER_WORDS.get(text);
  if (word !== undefined) return word;
  const n = Number(text.replace(',', '.'));
  if (!Number.isFinite(n)) throw new Problem(`"${text}" is not a number`);
  return n;
}

function scale(unit: Span, amount: number): Span {
  if (unit.months) return { months: Math.round(unit.months * amount), days: 0 };
  return { months: 0, days: Math.round(unit.days * amount) };
}

interface DurationRange {
  min: Span;
  max: Span;
  /** Only one amount was given ("in 18 months"). */
  single: boolean;
  unit: Span;
}

function durationOf(a: string, b: string | undefined, unitWord: string, andHalf: string | undefined): DurationRange {
  const unit = UNIT_MONTHS.get(unitWord);
  if (!unit) throw new Problem(`"${unitWord}" is not a unit of time`);
  const half = andHalf ? 0.5 : 0;
  const low = amountOf(a) + (b ? 0 : half);
  const high = b ? amountOf(b) + half : low;
  if (low <= 0 || high <= 0) throw new Problem('a length of time must be more than zero');
  if (high < low) throw new Problem(`the range ${a} to ${b} goes backwards`);
  if (high * (unit.months || unit.days / 30) > 1200) throw new Problem('a length of time must be under a hundred years');
  return { min: scale(unit, low), max: scale(unit, high), single: !b, unit };
}

function spanText(span: Span): string {
  if (span.days) return span.days % 7 === 0 ? plural(span.days / 7, 'week') : plural(span.days, 'day');
  if (span.months % 12 === 0) return plural(span.months / 12, 'year');
  return plural(span.months, 'month');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function rangeText(min: Span, max: Span | null): string {
  if (!max) return `at least ${spanText(min)}`;
  const inMonths = (s: Span) => (s.days ? spanText(s) : plural(s.months, 'month'));
  const sameUnit = min.days === 0 && max.days === 0 && (min.months % 12 !== 0 || max.months % 12 !== 0);
  const a = sameUnit ? inMonths(min) : spanText(min);
  const b = sameUnit ? inMonths(max) : spanText(max);
  if (a === b) return a;
  const [na, ua] = a.split(' ');
  const [nb, ub] = b.split(' ');
  return ua?.replace(/s$/, '') === ub?.replace(/s$/, '') ? `${na}–${nb} ${ub}` : `${a} to ${b}`;
}

// ---------------------------------------------------------------------------
// Absolute dates: the fuzzy-date grammar, plus decades and a few longer phrasings

interface Win {
  start: Date;
  end: Date;
  precision: Precision;
}

/** "the end of 2025" -> "late 2025", "premier semestre 2025" -> "S1 2025": forms the fuzzy grammar reads. */
const REWRITES: readonly [RegExp, string][] = [
  [/\b(?:the )?(?:end|close) of (?=\d{4}\b|[a-z]+ \d{4}\b)/g, 'late '],
  [/\b(?:the )?(?:beginning|start) of (?=\d{4}\b|[a-z]+ \d{4}\b)/g, 'early '],
  [/\b(?:the )?middle of (?=\d{4}\b|[a-z]+ \d{4}\b)/g, 'mid '],
  [/\b(?:the )?first half of (?:the year )?(\d{4})\b/g, 'h1 $1'],
  [/\b(?:the )?(?:second|latter) half of (?:the year )?(\d{4})\b/g, 'h2 $1'],
  [/\b(?:the )?(first|second|third|fourth) quarter of (\d{4})\b/g, 'q$1 $2'],
  [/\b(?:au |le )?(premier|1er) semestre(?: de)? (\d{4})\b/g, 's1 $2'],
  [/\b(?:au |le )?(?:second|deuxieme|2e|2nd) semestre(?: de)? (\d{4})\b/g, 's2 $1'],
  [/\b(?:au |le )?(premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|4e) trimestre(?: de)? (\d{4})\b/g, 't$1 $2'],
  [/\b(?:la |le )?(debut|fin|mi|milieu)(?:-| )(?:de |d')?(?:l'annee |l'an |annee )?(?=\d{4}\b|[a-z]+ \d{4}\b)/g, '$1 '],
  [/\bmilieu /g, 'mi '],
];

const ORDINALS: Record<string, string> = {
  first: '1', second: '2', third: '3', fourth: '4', premier: '1', '1er': '1', deuxieme: '2', '2e': '2', troisieme: '3', '3e': '3', quatrieme: '4', '4e': '4',
};

function rewrite(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  return out.replace(/\b([qt])(first|second|third|fourth|premier|1er|deuxieme|2e|troisieme|3e|quatrieme|4e) /g, (_m, p: string, o: string) => `${p}${ORDINALS[o] ?? o} `);
}

const DECADE_PARTS: Record<string, [number, number]> = {
  early: [0, 4], debut: [0, 4], mid: [4, 7], mi: [4, 7], milieu: [4, 7], late: [7, 10], fin: [7, 10],
};

function decade(text: string): Win | undefined {
  const m =
    /^(?:the )?(?:(early|mid|late)[ -])?(\d{3}0)'?s$/.exec(text) ??
    /^(?:(debut|mi|milieu|fin) )?(?:des |les )?annees (\d{3}0)$/.exec(text);
  if (!m) return undefined;
  const first = Number(m[2]);
  if (first < 1900 || first > 2190) throw new Problem('the decade must be between the 1900s and the 2190s');
  const [a, b] = m[1] ? DECADE_PARTS[m[1]]! : [0, 10];
  return { start: utc(first + a, 1, 1), end: utc(first + b, 1, 1), precision: 'range' };
}

/** Words before a date that do not change it. */
const LEAD_FILLERS = [
  'sometime in', 'some time in', 'at some point in', 'at some point during', 'sometime during', 'in the course of',
  'expected in', 'expected by', 'expected', 'attendu en', 'attendue en', "qu'on attend en", "qu'on attend pour", 'que l\'on attend en',
  'prevu pour', 'prevue pour', 'prevu en', 'prevue en', 'planned for', 'scheduled for', 'slated for', 'due in', 'targeted for', 'targeting',
  'a partir de', 'starting in', 'starting from', 'starting', 'beginning in', 'from', 'pour', 'durant', 'pendant', 'dans le courant de', 'au cours de',
  'courant', "l'annee", "l'an", 'the year', 'in', 'during', 'en', 'on', 'le', 'la', 'the', 'of',
];
const LEAD = new RegExp(`^(?:${alternation(LEAD_FILLERS)}) `);

function stripLeads(text: string): string {
  let out = text;
  for (let i = 0; i < 4; i++) {
    const next = out.replace(LEAD, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** One absolute date, or undefined when the text is not one. Specific problems ("Q5 2024") throw. */
function absolute(text: string): Win | undefined {
  const core = rewrite(stripLeads(text.trim()));
  // A date is a few words at most: anything longer is not one, and need not reach the fuzzy grammar.
  if (core === '' || core.length > 60 || core.split(' ').length > 6) return undefined;
  const dec = decade(core);
  if (dec) return dec;
  if (!/\d{4}/.test(core)) return undefined;
  try {
    const f = parseFuzzyDate(core);
    return { start: f.start, end: f.end, precision: f.precision };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const reason = /is not a valid date: (.*?)\. Use one of/.exec(message)?.[1];
    if (reason) throw new Problem(reason);
    return undefined;
  }
}

/** "2026", "late 2026 or early 2027", "2026, maybe 2027", "between 2025 and 2027", "2026-2027". */
function absoluteOrRange(text: string): Win | undefined {
  let problem: Problem | undefined;
  try {
    const single = absolute(text);
    if (single) return single;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    problem = error;
  }
  const pair =
    /^(?:between|entre) (.+?) (?:and|et) (.+)$/.exec(text) ??
    /^(.+?)(?:,? (?:or|ou|voire|or perhaps|or maybe|ou peut-etre) |,? (?:to|a|au|jusqu'a) | ?[-–] ?)(.+)$/.exec(text);
  if (!pair) {
    if (problem) throw problem;
    return undefined;
  }
  const a = absolute(pair[1]!);
  let b = absolute(pair[2]!);
  if (a && !b && /^\d{2}$/.test(pair[2]!.trim())) b = absolute(`${String(a.start.getUTCFullYear()).slice(0, 2)}${pair[2]!.trim()}`);
  if (!a || !b) {
    if (problem) throw problem;
    return undefined;
  }
  if (b.end <= a.start || b.start < a.start) throw new Problem(`the end (${formatFuzzyDate(b)}) comes before the start (${formatFuzzyDate(a)})`);
  return { start: a.start, end: b.end, precision: 'range' };
}

// ---------------------------------------------------------------------------
// Relative words, read against the day said

interface Said {
  day: Date | null;
  used: boolean;
}

function needSaid(said: Said, what: string): Date {
  if (!said.day) {
    throw new Problem(`"${what}" depends on when it was said: give the date the claim was made`, true);
  }
  said.used = true;
  return said.day;
}

/** Rewrites relative calendar words into absolute ones ("l'année prochaine" -> "2024"). */
function resolveRelative(text: string, said: Said): string {
  const year = () => needSaid(said, text).getUTCFullYear();
  const month = () => needSaid(said, text).getUTCMonth() + 1;
  const decadeOf = (offset: number) => `${Math.floor(year() / 10) * 10 + offset}s`;
  const quarterOf = (offset: number) => {
    const index = Math.floor((month() - 1) / 3) + offset;
    return `q${((index % 4) + 4) % 4 + 1} ${year() + Math.floor(index / 4)}`;
  };
  const monthOf = (offset: number) => {
    const d = utc(year(), month() + offset, 1);
    return `${MONTH_NAMES[d.getUTCMonth()]!.toLowerCase()} ${d.getUTCFullYear()}`;
  };
  const replacements: [RegExp, () => string][] = [
    [/\b(?:the )?next decade\b|\bla (?:prochaine decennie|decennie prochaine)\b/g, () => decadeOf(10)],
    [/\b(?:this|the current) decade\b|\bcette decennie\b/g, () => decadeOf(0)],
    [/\b(?:the )?end of the decade\b|\b(?:la )?fin de la decennie\b/g, () => `late ${decadeOf(0)}`],
    [/\b(?:the )?(?:next|following|upcoming|coming) year\b|\bl'(?:annee|an) (?:prochaine?|suivante?)\b|\bl'annee d'apres\b/g, () => String(year() + 1)],
    [/\b(?:this|the current) year\b|\bcette annee(?:-ci)?\b|\bl'annee en cours\b/g, () => String(year())],
    [/\b(?:the )?year after next\b/g, () => String(year() + 2)],
    [/\b(?:the )?next quarter\b|\ble (?:prochain trimestre|trimestre prochain)\b/g, () => quarterOf(1)],
    [/\b(?:this|the current) quarter\b|\bce trimestre\b/g, () => quarterOf(0)],
    [/\b(?:the )?next month\b|\ble (?:mois prochain|prochain mois)\b/g, () => monthOf(1)],
    [/\b(?:this|the current) month\b|\bce mois(?:-ci)?\b/g, () => monthOf(0)],
    // "by the end of the year", "d'ici la fin de l'année": the year said
    [/\b(end|fin) (of|de) (?:the |this )?(?:year|l'annee|l'an|cette annee)\b/g, () => `end of ${year()}`],
    [/\byear[- ]end\b|\bfin d'annee\b/g, () => `end of ${year()}`],
  ];
  let out = text
    .replace(/\bhalf[- ]decade\b|\bhalf a decade\b/g, '5 years')
    .replace(/\b(within|in|over|during|inside) the (?:next|coming|following) (year|month|week|decade|quarter)( or two)?\b/g, (_m, w: string, u: string, two?: string) => `${w} the next ${two ? '1 or 2' : '1'} ${u}${two ? 's' : ''}`)
    .replace(/\b(?:a|an|one) (year|month|week|day|decade) or two\b/g, '1 or 2 $1s')
    .replace(/\b(?:un|une) (an|mois|semaine|jour) ou deux\b/g, (_m, u: string) => `1 ou 2 ${u === 'mois' ? 'mois' : `${u}s`}`);
  for (const [pattern, value] of replacements) out = out.replace(pattern, () => value());
  return out;
}

// ---------------------------------------------------------------------------
// Hedges and stated likelihoods

const PCT = `(\\d{1,3}(?:[.,]\\d+)?) ?(?:%|percent|pour ?cent)?(?: ?(?:-|–|to|a) ?(\\d{1,3}(?:[.,]\\d+)?))? ?(?:%|percent|pour ?cent)`;
const CHANCE = `(?: (?:chance|chances|probability|likelihood|confidence|likely|odds|de chances?|de probabilite|probabilite))?`;

interface Hedged {
  core: string;
  /** Dates offered as alternatives after the main one ("2026, maybe 2027"), normalised. */
  alternatives: string[];
  likelihood: Likelihood | null;
  hedges: string[];
}

function likelihoodOf(a: string, b: string | undefined, text: string): Likelihood {
  const low = Number(a.replace(',', '.')) / 100;
  const high = b ? Number(b.replace(',', '.')) / 100 : low;
  if (!(low >= 0 && high <= 1 && low <= high)) throw new Problem(`a likelihood must be between 0% and 100%, low before high ("${text}")`);
  return { low, high, text };
}

const HEDGE_WORDS = [
  'around', 'about', 'roughly', 'approximately', 'circa', 'ca.', '~', 'probably', 'possibly', 'maybe', 'perhaps', 'likely', 'hopefully',
  'vers', 'environ', 'aux alentours de', 'autour de', 'probablement', 'sans doute', 'peut-etre', 'vraisemblablement', 'possiblement',
];
const LEADING_HEDGE = new RegExp(`^(${alternation(HEDGE_WORDS)}) `);
const TRAILING_HEDGE = /(?:,| -| —|;) ?((?:maybe|perhaps|possibly|probably|or|but|ou|voire|peut-etre|sans doute|probablement|with|avec|if|si|at the latest|at the earliest|give or take|plus or minus|or so|ish)\b.*)$/;
const TRAILING_WORDS = /(?: (or so|give or take(?: a [a-z]+)?|-?ish|ou a peu pres|a peu pres))$/;
const PCT_ANY = new RegExp(PCT);
const LEADING_PCT = new RegExp(`^(?:(?:with )?an? |with )?${PCT}${CHANCE}(?: (?:of it happening|that it happens|qu'il arrive|que cela arrive))? ?`);
const TRAILING_PCT = new RegExp(`(?:,| -|;)? (?:with |at |avec )?(?:an? |une )?${PCT}${CHANCE}$`);

/** Splits off likelihoods and hedges; what remains is the date phrase. */
function splitHedges(original: string, normalised: string): Hedged {
  let core = normalised;
  const hedges: string[] = [];
  let likelihood: Likelihood | null = null;
  const alternatives: string[] = [];
  const takePct = (piece: string, raw: string): boolean => {
    const p = /\bp ?= ?(0?\.\d+|1(?:\.0+)?|0)\b/.exec(piece);
    const m = p ? [p[0], String(Number(p[1]) * 100), undefined] : PCT_ANY.exec(piece);
    if (!m) return false;
    if (likelihood) throw new Problem('give one likelihood');
    likelihood = likelihoodOf(m[1]!, m[2], raw);
    return true;
  };
  // Parenthesised asides: "(70-80% chance)", "(maybe earlier)"
  core = core.replace(/ ?\(([^()]*)\)/g, (_m, inner: string) => {
    const raw = originalSlice(original, inner);
    takePct(inner, raw);
    hedges.push(raw);
    return '';
  });
  // Leading likelihood: "50% by 2028", "a 50% chance by 2030", "90 % de chances d'ici 2030"
  core = core.replace(LEADING_PCT, (m) => {
    const raw = originalSlice(original, m.trim());
    takePct(m, raw);
    hedges.push(raw);
    return '';
  });
  // Trailing likelihood or hedge after a comma or dash: ", with 50% probability", ", maybe 2027"
  for (let i = 0; i < 3; i++) {
    const pct = TRAILING_PCT.exec(core);
    if (pct) {
      const raw = originalSlice(original, pct[0].replace(/^[,;-]? ?/, '').trim());
      takePct(pct[0], raw);
      hedges.push(raw);
      core = core.slice(0, pct.index);
      continue;
    }
    const trail = TRAILING_HEDGE.exec(core) ?? TRAILING_WORDS.exec(core);
    if (trail && trail.index > 0) {
      const alt = /^(?:maybe|perhaps|possibly|or|or maybe|or perhaps|ou|voire|peut-etre|ou peut-etre) (.+)$/.exec(trail[1]!);
      if (alt) alternatives.push(alt[1]!);
      hedges.push(originalSlice(original, trail[1]!));
      core = core.slice(0, trail.index);
      continue;
    }
    break;
  }
  for (let i = 0; i < 3; i++) {
    const lead = LEADING_HEDGE.exec(core);
    if (!lead) break;
    hedges.push(originalSlice(original, lead[1]!));
    core = core.slice(lead[0].length);
  }
  return { core: core.replace(/[.,;:!?]+$/, '').trim(), alternatives, likelihood, hedges };
}

/** The words of the original text that normalise to `piece` (accents and case kept), or `piece`. */
function originalSlice(original: string, piece: string): string {
  const target = normaliseDateText(piece);
  if (!target) return piece;
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const char of original) {
    const n = /\s/.test(char) ? ' ' : normaliseDateText(char) || (char.normalize('NFD').replace(/\p{M}/gu, '') === '' ? '' : char);
    if (!(n === ' ' && norm.endsWith(' '))) {
      for (const c of n) {
        norm += c;
        from.push(i);
        to.push(i + char.length);
      }
    }
    i += char.length;
  }
  const k = norm.indexOf(target);
  if (k < 0) return piece;
  return original.slice(from[k], to[k + target.length - 1]).trim();
}

// ---------------------------------------------------------------------------
// Shapes

interface Reading {
  shape: ClaimShape;
  start: Date | null;
  end: Date | null;
  precision: Precision;
  label: string;
  offset: ClaimDate['offset'];
}

const windowReading = (w: Win): Reading => ({
  shape: 'window',
  start: w.start,
  end: w.end,
  precision: w.precision,
  label: formatFuzzyDate(w),
  offset: null,
});

/** "by the end of 2027", "by the end of May 2025", "before 11 September 2025" */
function deadlineLabel(end: Date): string {
  const lastDay = new Date(end.getTime() - DAY_MS);
  if (end.getUTCDate() === 1 && end.getUTCMonth() === 0) return `by the end of ${lastDay.getUTCFullYear()}`;
  if (end.getUTCDate() === 1) return `by the end of ${MONTH_NAMES[lastDay.getUTCMonth()]} ${lastDay.getUTCFullYear()}`;
  return `before ${end.getUTCDate()} ${MONTH_NAMES[end.getUTCMonth()]} ${end.getUTCFullYear()}`;
}

function deadline(end: Date, said: Said): Reading {
  const start = said.day;
  if (start && end <= start) throw new Problem('the deadline is not after the day the claim was made');
  if (start) said.used = true;
  return { shape: 'deadline', start, end, precision: 'range', label: deadlineLabel(end), offset: null };
}

function earliest(start: Date): Reading {
  const w = { start, end: new Date(start.getTime() + DAY_MS), precision: 'day' as const };
  const label = start.getUTCDate() === 1 && start.getUTCMonth() === 0 ? String(start.getUTCFullYear()) : formatFuzzyDate(w);
  return { shape: 'earliest', start, end: null, precision: 'range', label: `${label} or later`, offset: null };
}

/** "in 18 months": the calendar unit holding the day said plus the duration, at the unit's precision. */
function intervalReading(d: DurationRange, said: Said, text: string): Reading {
  const day = needSaid(said, text);
  if (!d.single) {
    const start = addSpan(day, d.min);
    const end = addSpan(day, d.max);
    return { shape: 'interval', start, end, precision: 'range', label: `${rangeText(d.min, d.max)} after ${dayText(day)}`, offset: null };
  }
  const target = addSpan(day, d.min);
  let w: Win;
  const unit = d.min.months % 12 === 0 && d.min.months ? 12 : d.min.months ? (d.unit.months === 3 ? 3 : 1) : d.unit.days;
  if (unit === 12) w = { start: utc(target.getUTCFullYear(), 1, 1), end: utc(target.getUTCFullYear() + 1, 1, 1), precision: 'year' };
  else if (unit === 3) {
    const q = Math.floor(target.getUTCMonth() / 3);
    w = { start: utc(target.getUTCFullYear(), 3 * q + 1, 1), end: utc(target.getUTCFullYear(), 3 * q + 4, 1), precision: 'quarter' };
  } else if (d.min.months) w = { start: utc(target.getUTCFullYear(), target.getUTCMonth() + 1, 1), end: utc(target.getUTCFullYear(), target.getUTCMonth() + 2, 1), precision: 'month' };
  else if (unit === 7) w = { start: new Date(target.getTime() - 3 * DAY_MS), end: new Date(target.getTime() + 4 * DAY_MS), precision: 'range' };
  else w = { start: target, end: new Date(target.getTime() + DAY_MS), precision: 'day' };
  return { shape: 'interval', start: w.start, end: w.end, precision: w.precision, label: `${formatFuzzyDate(w)} (${spanText(d.min)} after ${dayText(day)})`, offset: null };
}

function dayText(day: Date): string {
  return `${day.getUTCDate()} ${MONTH_NAMES[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

function offsetReading(min: Span, max: Span | null, anchorWords: string, anchorStart: Date | null): Reading {
  const anchor = anchorWords.trim();
  if (!/[\p{L}\p{N}]/u.test(anchor)) throw new Problem('say what it comes after');
  const start = anchorStart ? addSpan(startOfDay(anchorStart), min) : null;
  const end = anchorStart && max ? addSpan(startOfDay(anchorStart), max) : null;
  const lead = min.months === 0 && min.days === 0 && !max ? '' : max && (max.months || max.days) && !(min.months || min.days) ? `within ${spanText(max)} ` : `${rangeText(min, max)} `;
  return { shape: 'offset', start, end, precision: 'range', label: `${lead}after ${anchor}`, offset: { min, max, anchor } };
}

const ZERO: Span = { months: 0, days: 0 };

const DEADLINE_END = `(?:by the end of|by end of|before the end of|until the end of|not later than the end of|no later than the end of|by|no later than|not later than|until|till|d'ici la fin de|d'ici fin|d'ici a la fin de|avant la fin de|avant fin|jusqu'a la fin de|d'ici a|d'ici|au plus tard (?:en|d'ici|a|fin)|au plus tard|jusqu'en|jusqu'a)`;
const DEADLINE_START = `(?:before|prior to|avant)`;
const EARLIEST = `(?:as early as|as soon as|not before|no earlier than|no sooner than|at the earliest in|at the earliest|not until|pas avant|au plus tot (?:en|a|d'ici|fin|debut)|au plus tot|des|au mieux en|pas avant la fin de)`;
const WITHIN = `(?:within the next|within|in the next|over the next|during the next|in the coming|in the following|inside of|inside|in less than|less than|in under|under|no more than|d'ici|dans les|sous|en moins de|dans moins de|au cours des|dans un delai de|dans un horizon de|d'ici a)`;
const AFTER = `(?:(?:just |right |shortly |soon |juste |peu de temps |peu )?(?:after|following|once|apres|suite a|une fois))`;

// The shape patterns, compiled once.
const RE_1 = new RegExp(`^(?:about |around |roughly )?${DURATION} (?:after|following|apres|suivant|post) (.+)$`);
const RE_2 = new RegExp(`^(?:within|in less than|less than|dans les|moins de) ${DURATION} (?:of|after|de|apres|suivant) (.+)$`);
const RE_3 = new RegExp(`^(?:in as little as|as soon as|as early as|in more than|more than|in over|dans plus de|plus de|pas avant|not before|not for|pas avant au moins) ${DURATION}(?: (?:from now|time|'s time|away))?$`);
const RE_4 = new RegExp(`^(?:in |dans )?(?:between|entre) (${NUM}) (?:and|et) (${NUM}) ${UNIT}(?: (?:from now|d'ici))?$`);
const RE_5 = new RegExp(`^${WITHIN} (?:just |only |seulement )?(?:the |les )?${DURATION}(?: (?:from now|qui viennent|a venir|a compter d'aujourd'hui))?$`);
const RE_6 = new RegExp(`^(?:in|within|dans|d'ici) (?:the )?(?:next|coming|prochaines?|prochains) ${DURATION}$`);
const RE_7 = new RegExp(`^(?:in|dans|after|apres|d'ici|en) ?(?:about |around |roughly |environ )?${DURATION}(?: (?:from now|time|'s time|from today|away|plus tard|d'ici))?$`);
const RE_8 = new RegExp(`^(?:about |around |roughly |environ )?${DURATION}(?: (?:from now|time|'s time|from today|away|later|plus tard))?$`);
const RE_9 = new RegExp(`^${DEADLINE_END} (.+)$`);
const RE_10 = new RegExp(`^${DEADLINE_START} (.+)$`);
const RE_11 = new RegExp(`^${EARLIEST} (.+)$`);
const RE_12 = new RegExp(`^${AFTER} (.+)$`);

/**
 * Ways of speaking the grammar reads as their plain form: an aside inside the horizon ("d'ici,
 * disons, les trois à huit prochaines années"), and a range said as two guesses ("maybe five,
 * maybe ten years" is five to ten years).
 */
const ASIDE = /,? (?:disons|say|let's say|let us say|je dirais|I'd say|I would say|grosso modo|roughly),(?= )/g;
const TWO_GUESSES = new RegExp(`^(?:maybe|perhaps|peut-etre) (${NUM}),? (?:maybe|perhaps|or|peut-etre|ou) (${NUM}) ${UNIT}`);

function spokenForms(normalised: string): string {
  return normalised.replace(ASIDE, '').replace(TWO_GUESSES, '$1 to $2 $3');
}

/** "as early as next year or by 2026": a window from the earliest date to the end of the deadline. */
const EARLIEST_OR_BY = new RegExp(`^${EARLIEST} (.+?),? (?:or|and|but|et|ou|mais) (?:${DEADLINE_END}) (.+)$`);

function readCore(core: string, said: Said, anchorStart: Date | null, text: string): Reading {
  const c = resolveRelative(core, said);
  let m: RegExpExecArray | null;

  if ((m = EARLIEST_OR_BY.exec(c))) {
    const from = absoluteOrRange(m[1]!);
    const to = absoluteOrRange(m[2]!);
    if (from && to && from.start < to.end) {
      return windowReading({ start: from.start, end: to.end, precision: 'range' });
    }
  }

  // Offsets from another event or claim: "5-10 years after powerful AI", "within a year of AGI", "after Google's Gemini"
  if ((m = RE_1.exec(c))) {
    const d = durationOf(m[1]!, m[2], m[3]!, m[4]);
    const anchorDate = absoluteOrRange(m[5]!);
    if (anchorDate) return intervalFrom(anchorDate.start, d);
    return offsetReading(d.min, d.max, originalSlice(text, m[5]!), anchorStart);
  }
  if ((m = RE_2.exec(c))) {
    const d = durationOf(m[1]!, m[2], m[3]!, m[4]);
    return offsetReading(ZERO, d.max, originalSlice(text, m[5]!), anchorStart);
  }

  // Earliest after a duration: "in as little as five years", "dans plus de 10 ans"
  if ((m = RE_3.exec(c))) {
    const d = durationOf(m[1]!, m[2], m[3]!, m[4]);
    return earliest(addSpan(needSaid(said, text), d.min));
  }
  // "between 5 and 10 years", "entre 5 et 10 ans"
  if ((m = RE_4.exec(c))) {
    return intervalReading(durationOf(m[1]!, m[2], m[3]!, undefined), said, text);
  }
  // Deadlines from a duration: "within two years", "in the next 2 or 3 years", "d'ici deux ans", "dans les six mois"
  if ((m = RE_5.exec(c))) {
    const d = durationOf(m[1]!, m[2], m[3]!, m[4]);
    return deadline(addSpan(needSaid(said, text), d.max), said);
  }
  if ((m = RE_6.exec(c))) {
    const d = durationOf(m[1]!, m[2], m[3]!, m[4]);
    return deadline(addSpan(needSaid(said, text), d.max), said);
  }
  // Intervals after the day said: "6 to 12 months", "in 18 months", "dans 2 à 3 ans", "18 months from now"
  if ((m = RE_7.exec(c)) ||
      (m = RE_8.exec(c))) {
    const d = durationOf(m[1]!, m[2], m[3]!, m[4]);
    return intervalReading(d, said, text);
  }

  // "later this year" -> from the day said to the year's end
  if ((m = /^(?:later|plus tard|d'ici la fin de|later in) (?:(?:in|en|dans) )?(\d{4})$/.exec(c)) || (m = /^(\d{4}) plus tard$/.exec(c))) {
    const w = absolute(m[1]!);
    if (w) return deadline(w.end, said);
  }

  // Deadlines on a date: "by 2027", "before the end of 2025", "d'ici 2030", "2026 at the latest"
  if ((m = RE_9.exec(c)) || (m = /^(.+?),? (?:at the latest|au plus tard|or earlier|or sooner|ou avant)$/.exec(c))) {
    const w = absoluteOrRange(m[1]!);
    if (w) return deadline(w.end, said);
  }
  if ((m = RE_10.exec(c))) {
    const w = absoluteOrRange(m[1]!);
    if (w) return deadline(w.start, said);
  }
  // Earliest dates: "as early as 2026", "not before 2026", "2026 or later", "dès 2025"
  if ((m = RE_11.exec(c)) || (m = /^(?:from |a partir de |starting |starting in |beginning )?(.+?),? (?:at the earliest|au plus tot|or later|and beyond|onwards?|on|and later|et au-dela|ou plus tard|et apres)$/.exec(c))) {
    const w = absoluteOrRange(m[1]!);
    if (w) return earliest(w.start);
  }
  // "after 2026": from the end of that date
  if ((m = RE_12.exec(c))) {
    const w = absoluteOrRange(m[1]!);
    if (w) return earliest(w.end);
    return offsetReading(ZERO, null, originalSlice(text, m[1]!), anchorStart);
  }

  const w = absoluteOrRange(c);
  if (w) return windowReading(w);
  throw new Problem('');
}

/** "2 years after 2025": a duration counted from the end of a date. */
function intervalFrom(from: Date, d: DurationRange): Reading {
  const start = addSpan(from, d.min);
  const end = d.single ? addSpan(start, d.unit) : addSpan(from, d.max);
  const precision: Precision = d.single && d.unit.months === 12 && start.getUTCMonth() === 0 && start.getUTCDate() === 1 ? 'year' : 'range';
  return { shape: 'interval', start, end, precision, label: formatFuzzyDate({ start, end, precision }), offset: null };
}

// ---------------------------------------------------------------------------
// Entry points

function quote(text: string): string {
  const chars = Array.from(text);
  return chars.length > QUOTE_LENGTH ? `${chars.slice(0, QUOTE_LENGTH - 1).join('')}…` : text;
}

const formsList = (): string => `Use one of: ${ACCEPTED_CLAIM_FORMS.join(', ')}.`;

type Outcome = { ok: true; value: ClaimDate } | { ok: false; error: string; needsSaidDate: boolean };

/** The reading or the refusal, without building an Error (extraction tries many spans). */
function read(input: string, options: ClaimDateOptions): Outcome {
  const raw = typeof input === 'string' ? input : '';
  const text = raw.trim();
  const unknown = (): Outcome => ({ ok: false, error: `"${quote(text)}" is not an expected date we understand. ${formsList()}`, needsSaidDate: false });
  if (text === '') return { ok: false, error: `Enter the expected date as it was said, for example ${ACCEPTED_CLAIM_FORMS.slice(0, 8).join(', ')}.`, needsSaidDate: false };
  try {
    if (text.length > MAX_LENGTH) throw new Problem(`it is longer than ${MAX_LENGTH} characters`);
    const relativeTo = validDay(options.relativeTo);
    const anchorStart = validDay(options.anchorStart);
    const said: Said = { day: relativeTo, used: false };
    const hedged = splitHedges(text, spokenForms(normaliseDateText(text)));
    if (hedged.core === '') throw new Problem('');
    const reading = widen(readCore(hedged.core, said, anchorStart, text), hedged.alternatives, said);
    if (reading.start && reading.end && !(reading.start < reading.end)) throw new Problem('the window is empty');
    return {
      ok: true,
      value: {
        text,
        ...reading,
        relativeTo: said.used ? relativeTo : null,
        likelihood: hedged.likelihood,
        hedge: hedged.hedges.length ? hedged.hedges.join('; ') : null,
      },
    };
  } catch (error) {
    if (!(error instanceof Problem)) return unknown();
    if (error.needsSaidDate) return { ok: false, error: `"${quote(text)}" is relative: ${error.reason}.`, needsSaidDate: true };
    if (!error.reason) return unknown();
    return { ok: false, error: `"${quote(text)}" is not a valid expected date: ${error.reason}. ${formsList()}`, needsSaidDate: false };
  }
}

/**
 * Reads a claim's expected date. Throws ClaimDateError only, whatever the input: unreadable text,
 * an impossible date, or a relative horizon when `relativeTo` (the day said) is missing.
 */
export function parseClaimDate(input: string, options: ClaimDateOptions = {}): ClaimDate {
  const r = read(input, options);
  if (r.ok) return r.value;
  throw new ClaimDateError(typeof input === 'string' ? input : '', r.error, r.needsSaidDate);
}

/** "2026, maybe 2027": the window (or deadline) reaches to the end of the later alternative. */
function widen(reading: Reading, alternatives: readonly string[], said: Said): Reading {
  if ((reading.shape !== 'window' && reading.shape !== 'deadline') || !reading.end) return reading;
  let out = reading;
  for (const alt of alternatives) {
    const w = absoluteOrRange(stripLeads(resolveRelative(alt, said)));
    if (!w || !out.end || w.end <= out.end || (out.start && w.start < out.start)) continue;
    out =
      out.shape === 'window' && out.start
        ? { ...out, end: w.end, precision: 'range', label: formatFuzzyDate({ start: out.start, end: w.end, precision: 'range' }) }
        : { ...out, end: w.end, label: deadlineLabel(w.end) };
  }
  return out;
}

function validDay(value: Date | null | undefined): Date | null {
  if (!value) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new Problem('the day it was said is not a valid date');
  return startOfDay(value);
}

export function tryParseClaimDate(input: string, options: ClaimDateOptions = {}): Outcome {
  return read(input, options);
}

/** The stated likelihood as a person reads it: "70–80%", "50%". */
export function likelihoodText(l: { low: number; high: number } | null): string | null {
  if (!l) return null;
  const pct = (n: number) => `${Math.round(n * 1000) / 10}`;
  return l.low === l.high ? `${pct(l.low)}%` : `${pct(l.low)}–${pct(l.high)}%`;
}

/** The window of an offset once its anchor's start is known. */
export function offsetWindow(offset: { min: Span; max: Span | null }, anchorStart: Date): { start: Date; end: Date | null } {
  const from = startOfDay(anchorStart);
  return { start: addSpan(from, offset.min), end: offset.max ? addSpan(from, offset.max) : null };
}

/** The reading of a stored claim window in English, by shape; null when nothing is known yet. */
export function claimWindowLabel(c: { shape: string; start: Date | null; end: Date | null; precision?: string | null }): string | null {
  const { start, end } = c;
  if (c.shape === 'deadline' && end) return deadlineLabel(end);
  if ((c.shape === 'earliest' || (c.shape === 'offset' && !end)) && start) return earliest(start).label;
  if (start && end) return formatFuzzyDate({ start, end, precision: c.precision ?? 'range' });
  return null;
}

/** A likelihood written on its own: "70-80%", "70–80% chance", "p=0.25", "50 %". Null when it is not one. */
export function parseLikelihood(input: string): Likelihood | null {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text || text.length > 100) return null;
  const n = normaliseDateText(text);
  const p = /^p ?= ?(0?\.\d+|1(?:\.0+)?|0)$/.exec(n);
  if (p) return { low: Number(p[1]), high: Number(p[1]), text };
  const m = new RegExp(`^(?:~|about |around |environ )?${PCT}${CHANCE}$`).exec(n);
  if (!m) return null;
  try {
    return likelihoodOf(m[1]!, m[2], text);
  } catch {
    return null;
  }
}
