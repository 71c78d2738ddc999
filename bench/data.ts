// Deterministic synthetic content for the benchmark: a few organizations, their subjects, tags,
// and events spread over ~30 years with the mix of fuzzy precisions real sources give.
import { parseFuzzyDate, type FuzzyDate } from '../src/features/dates/index.ts';

/** mulberry32: a small seeded generator, so every run builds the same database. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ORGANIZATIONS = [
  ['meta', 'Meta', ['Llama', 'Meta AI', 'CM3leon', 'AudioCraft']],
  ['openai', 'OpenAI', ['GPT', 'ChatGPT', 'DALL-E', 'Whisper']],
  ['google', 'Google', ['Gemini', 'Bard', 'PaLM', 'TPU']],
  ['microsoft', 'Microsoft', ['Copilot', 'Azure AI', 'Phi']],
  ['nvidia', 'Nvidia', ['H100', 'A100', 'Blackwell']],
  ['adobe', 'Adobe', ['Firefly', 'Sensei']],
  ['midjourney', 'Midjourney', ['Midjourney']],
  ['tii', 'TII', ['Falcon']],
  ['anthropic', 'Anthropic', ['Claude']],
  ['mistral-ai', 'Mistral AI', ['Mistral', 'Mixtral']],
  ['apple', 'Apple', ['Apple Intelligence', 'Siri']],
  ['amazon', 'Amazon', ['Alexa', 'Trainium', 'Bedrock']],
] as const;

export const TAGS = ['llm', 'open-weights', 'image-generation', 'audio', 'hardware', 'safety', 'funding', 'research', 'chips', 'assistants'];

const KINDS = ['release', 'announcement', 'report', 'training', 'partnership', 'hardware', 'investment', 'rename', 'retirement', 'other'];
const VERBS: Record<string, string> = {
  release: 'releases',
  announcement: 'announces',
  report: 'is reported to plan',
  training: 'starts training',
  partnership: 'partners on',
  hardware: 'ships hardware for',
  investment: 'invests in',
  rename: 'renames',
  retirement: 'retires',
  other: 'updates',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export interface EventSpec {
  id: number;
  slug: string;
  title: string;
  summary: string;
  kind: string;
  confidence: string;
  date: FuzzyDate;
  /** Indexes into ORGANIZATIONS. */
  organizations: number[];
  /** Names of subjects (unique across organizations). */
  subjects: string[];
  tags: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a source might write it, around the given day, at a randomly chosen precision. */
export function fuzzyText(rnd: () => number, day: Date): string {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  const d = day.getUTCDate();
  const r = rnd();
  if (r < 0.45) return `${y}-${pad(m + 1)}-${pad(d)}`;
  if (r < 0.5) return `${d} ${MONTHS[m]} ${y}`;
  if (r < 0.62) return `${y}-${pad(m + 1)}`;
  if (r < 0.66) return `${MONTHS[m]} ${y}`;
  if (r < 0.68) return `${MOIS[m]} ${y}`;
  if (r < 0.73) return `${['early', 'mid', 'late'][Math.min(2, Math.floor((d - 1) / 10))]} ${MONTHS[m]} ${y}`;
  if (r < 0.8) return `Q${Math.floor(m / 3) + 1} ${y}`;
  if (r < 0.84) return `H${m < 6 ? 1 : 2} ${y}`;
  if (r < 0.87) return `${['early', 'mid', 'late'][Math.floor(m / 4)]} ${y}`;
  if (r < 0.89) return `${['début ', 'mi-', 'fin '][Math.floor(m / 4)]}${y}`;
  if (r < 0.96) return rnd() < 0.8 ? `${y}` : `courant ${y}`;
  const to = Math.min(11, m + 1 + Math.floor(rnd() * 3));
  return `${y}-${pad(m + 1)}/${y}-${pad(to + 1)}`;
}

const DAY = 86_400_000;

/** `count` events between `from` and `to`, reproducible from `seed`. */
export function generateEvents(count: number, seed = 42, from = Date.UTC(1996, 0, 1), to = Date.UTC(2026, 0, 1)): EventSpec[] {
  const rnd = randomSource(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const parsed = new Map<string, FuzzyDate>();
  const days = Math.floor((to - from) / DAY);
  const events: EventSpec[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(from + Math.floor(rnd() * days) * DAY);
    const text = fuzzyText(rnd, day);
    let date = parsed.get(text);
    if (!date) {
      date = parseFuzzyDate(text);
      parsed.set(text, date);
    }
    const org = Math.floor(rnd() * ORGANIZATIONS.length);
    const orgs = rnd() < 0.2 ? [...new Set([org, Math.floor(rnd() * ORGANIZATIONS.length)])] : [org];
    const subject = pick(ORGANIZATIONS[org]![2]);
    const kind = pick(KINDS);
    const c = rnd();
    const confidence = c < 0.8 ? 'confirmed' : c < 0.95 ? 'reported' : 'rumored';
    const version = 1 + Math.floor(rnd() * 40);
    const orgName = ORGANIZATIONS[org]![1];
    const title = `${orgName} ${VERBS[kind]} ${subject} ${version}.${i % 10}`;
    const tagCount = Math.floor(rnd() * 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))];
    events.push({
      id: i + 1,
      slug: `bench-event-${i + 1}`,
      title,
      summary: `${orgName} ${VERBS[kind]} ${subject} ${version}, according to ${pick(['its own post', 'a newspaper report', 'a research paper', 'a conference talk'])}; synthetic entry ${i + 1} of the benchmark, dated "${text}".`,
      kind,
      confidence,
      date,
      organizations: orgs,
      subjects: rnd() < 0.7 ? [subject] : [],
      tags,
    });
  }
  return events;
}

/** The timeline's order (start, end, title, id), newest first, as the app must list it. */
export function newestFirst(a: EventSpec, b: EventSpec): number {
  return (
    b.date.start.getTime() - a.date.start.getTime() ||
    b.date.end.getTime() - a.date.end.getTime() ||
    (a.title < b.title ? 1 : a.title > b.title ? -1 : 0) ||
    b.id - a.id
  );
}
