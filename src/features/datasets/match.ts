// Matching names from other datasets against what Timeline holds: by slug, by name, by an
// alias, or by the name normalised (case, accents, punctuation, spaces, "-" against " ").
import { aliasKey, slugify } from '../content/index.ts';

/** The same key the aliases use: "Google DeepMind" = "google-deepmind", accents and "&" folded. */
export const normaliseName = aliasKey;

/**
 * Built-in other names, by Timeline slug, used beside the aliases stored on the records (which
 * an editor maintains; docs/decisions/0033): they apply when a database holds the slug.
 */
export const ORGANIZATION_ALIASES: Record<string, string[]> = {
  meta: ['Meta AI', 'Facebook', 'Facebook AI', 'Facebook AI Research', 'FAIR', 'Meta Platforms'],
  tii: ['TII', 'Technology Innovation Institute'],
  nvidia: ['NVIDIA Corporation'],
};

/** Where a matcher keeps its names: Maps, or an import's maps kept outside the heap (platform/spill.ts). */
type NameMap = { get(k: string): string | undefined; set(k: string, v: string): unknown; has(k: string): boolean };

export class NameMatcher {
  private readonly bySlug: NameMap;
  private readonly byName: NameMap;
  private readonly byCompact: NameMap;

  constructor(items: Iterable<{ slug: string; name: string; aliases?: readonly string[] }>, aliases: Record<string, string[]> = {}, maps: () => NameMap = () => new Map()) {
    this.bySlug = maps();
    this.byName = maps();
    this.byCompact = maps();
    const held = [...items];
    for (const it of held) this.add(it.slug, it.name);
    // Stored aliases after every name, so that a name always wins over another record's alias.
    for (const it of held) for (const a of it.aliases ?? []) this.index(it.slug, a);
    for (const [slug, names] of Object.entries(aliases)) {
      if (!this.bySlug.has(slug)) continue;
      for (const n of names) this.index(slug, n);
    }
  }

  add(slug: string, name: string) {
    this.bySlug.set(slug, slug);
    this.index(slug, name);
  }

  private index(slug: string, name: string) {
    const n = normaliseName(name);
    if (n && !this.byName.has(n)) this.byName.set(n, slug);
    const c = n.replace(/ /g, '');
    if (c && !this.byCompact.has(c)) this.byCompact.set(c, slug);
  }

  /** The slug of the held item this name means, or null. */
  find(name: string): string | null {
    const n = normaliseName(name);
    if (!n) return null;
    return this.byName.get(n) ?? this.bySlug.get(slugify(name)) ?? this.byCompact.get(n.replace(/ /g, '')) ?? null;
  }
}

/** True when `title` holds `name` as whole words ("OpenAI releases GPT-4" holds "gpt 4", not "gpt 4o"). */
export function titleNames(title: string, name: string): boolean {
  const n = normaliseName(name);
  return n !== '' && ` ${normaliseName(title)} `.includes(` ${n} `);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * "GPT-4 (Mar 2023)" published 2023-03-15 -> "GPT-4": a name qualified by the month it came out
 * is the model of that name. Null when there is no such qualifier or it names another month
 * ("GPT-4 (Jun 2023)" is a later version).
 */
export function releaseBaseName(name: string, date: string): string | null {
  const m = /^(.*\S)\s*\(([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\)$/.exec(name.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return month > 0 && date.startsWith(`${m[3]}-${String(month).padStart(2, '0')}`) ? m[1]! : null;
}
