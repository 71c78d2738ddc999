// Other names an organization or a subject goes by ("Meta AI", "Facebook AI Research" for Meta):
// stored one per line, given as lines (the form) or a list (the import), unique across records
// of a kind (docs/decisions/0033).
import { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import { sortKey } from '../../platform/text/sort-key.ts';

export const ALIAS_MAX = 200;
const ALIASES_MAX = 50;
const CONTROL = /[\u0000-\u001F\u007F]/;

/** The stored text (one per line) as a list. */
export function aliasesOf(stored: string | null | undefined): string[] {
  return (stored ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
}

/** A list as stored. */
export const aliasText = (aliases: readonly string[]): string => aliases.join('\n');

/** Case, accents, punctuation and spacing ignored: "Google DeepMind" = "google-deepmind". */
export function aliasKey(name: string): string {
  return sortKey(name)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What a record contributes to the searchText of events and claims that name it: its name and aliases. */
export function searchName(r: { name: string; aliases?: string | null }): string {
  return [r.name, ...aliasesOf(r.aliases)].join(' \n ');
}

/** Aliases as lines of text (a form's textarea) or a list (an imported file); duplicates dropped. */
export function aliasesField() {
  return z.preprocess(
    (v) => (v === undefined || v === null ? [] : v),
    z.unknown().transform((v, ctx): string[] => {
      let items: unknown[];
      if (typeof v === 'string') items = v.split(/\r?\n/);
      else if (Array.isArray(v)) items = v;
      else {
        ctx.addIssue({ code: 'custom', message: 'Give the aliases as text, one per line.' });
        return z.NEVER;
      }
      if (!items.every((x) => typeof x === 'string')) {
        ctx.addIssue({ code: 'custom', message: 'Give each alias as text.' });
        return z.NEVER;
      }
      const out: string[] = [];
      const seen = new Set<string>();
      for (const raw of items as string[]) {
        const a = raw.trim().replace(/\s+/g, ' ');
        if (!a) continue;
        if (a.length > ALIAS_MAX) {
          ctx.addIssue({ code: 'custom', message: `An alias is too long: at most ${ALIAS_MAX} characters (“${a.slice(0, 40)}…”).` });
          return z.NEVER;
        }
        if (CONTROL.test(a)) {
          ctx.addIssue({ code: 'custom', message: 'An alias contains control characters.' });
          return z.NEVER;
        }
        const key = aliasKey(a);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        out.push(a);
      }
      if (out.length > ALIASES_MAX) ctx.addIssue({ code: 'custom', message: `At most ${ALIASES_MAX} aliases.` });
      return out;
    }),
  );
}

export interface NamedRecord {
  id: number;
  name: string;
  aliases: string;
}

/** A record whose name or alias holds a key, as the conflict messages name it. */
export interface AliasOwner {
  /** Whatever tells records apart: the id (forms) or the slug (an imported file). */
  id: number | string;
  name: string;
  as: 'name' | 'alias';
}

/** Every name and alias key, with the records that hold it: built once, asked per record. */
/** Names and aliases to the records holding them: a Map, or an import's map kept outside the heap (platform/spill.ts). */
export interface AliasIndex {
  get(key: string): AliasOwner[] | undefined;
  set(key: string, owners: AliasOwner[]): unknown;
}

export function aliasIndex(records: Iterable<{ id: number | string; name: string; aliases: string }>, index: AliasIndex = new Map()): AliasIndex {
  const add = (key: string, owner: AliasOwner) => {
    if (!key) return;
    const list = index.get(key);
    // Set again: a list read from a map outside the heap is a copy.
    index.set(key, list ? [...list, owner] : [owner]);
  };
  for (const r of records) {
    add(aliasKey(r.name), { id: r.id, name: r.name, as: 'name' });
    for (const a of aliasesOf(r.aliases)) add(aliasKey(a), { id: r.id, name: r.name, as: 'alias' });
  }
  return index;
}

/** The record other than `self` holding `key`: one that has it as its name first. */
function ownerOf(index: AliasIndex, key: string, self: number | string | null): AliasOwner | undefined {
  const others = (index.get(key) ?? []).filter((o) => o.id !== self);
  return others.find((o) => o.as === 'name') ?? others[0];
}

/**
 * Field errors when the name or an alias is another record's name or alias (same kind), the
 * others given as an index (aliasIndex). The record's own name among its aliases is dropped by
 * the caller, not refused.
 */
export function aliasConflictsIn(
  kind: 'organization' | 'subject',
  self: { id: number | string | null; name: string; aliases: string[] },
  index: AliasIndex,
): FieldErrors {
  const errors: FieldErrors = {};
  const clashes = self.aliases
    .map((a) => ({ a, hit: ownerOf(index, aliasKey(a), self.id) }))
    .filter((x): x is { a: string; hit: AliasOwner } => Boolean(x.hit));
  if (clashes.length) {
    errors.aliases = clashes
      .map(({ a, hit }) => (hit.as === 'name' ? `“${a}” is the name of another ${kind}, “${hit.name}”` : `“${a}” is already an alias of the ${kind} “${hit.name}”`))
      .join('; ')
      .concat('. To make them one record, merge them instead.');
  }
  const nameHit = ownerOf(index, aliasKey(self.name), self.id);
  if (nameHit?.as === 'alias') errors.name = `“${self.name}” is an alias of the ${kind} “${nameHit.name}”: choose another name, or remove that alias first.`;
  return errors;
}

/**
 * Field errors when the name or an alias is another record's name or alias (same kind). The
 * record's own name among its aliases is dropped by the caller, not refused.
 */
export function aliasConflicts(kind: 'organization' | 'subject', self: { id: number | null; name: string; aliases: string[] }, others: NamedRecord[]): FieldErrors {
  return aliasConflictsIn(kind, self, aliasIndex(others));
}

/** The aliases without the record's own name. */
export function withoutOwnName(name: string, aliases: string[]): string[] {
  const own = aliasKey(name);
  return aliases.filter((a) => aliasKey(a) !== own);
}

export async function namedRecords(db: Db, kind: 'organization' | 'subject'): Promise<NamedRecord[]> {
  const select = { id: true, name: true, aliases: true } as const;
  return kind === 'organization'
    ? db.organization.findMany({ select, orderBy: { id: 'asc' } })
    : db.subject.findMany({ select, orderBy: { id: 'asc' } });
}

/** Throws-free check for the services: errors for the name and aliases fields. */
export async function checkAliases(db: Db, kind: 'organization' | 'subject', id: number | null, name: string, aliases: string[]): Promise<FieldErrors> {
  if (!aliases.length && !name) return {};
  return aliasConflicts(kind, { id, name, aliases }, await namedRecords(db, kind));
}
