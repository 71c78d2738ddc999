// The sort keys of names (docs/decisions/0045) that differ from the one the application computes:
// rows keyed by the migration that added the column (lower("name"), which folds ASCII letters
// only), or written by a tool that gave no exact key. Run at start-up: one read of the three small
// tables, then one UPDATE per table (per 500 rows) only where a key is wrong.
import { join, raw, sqltag as sql } from '@prisma/client/runtime/client';
import { bumpContentVersion } from '../../platform/content-version.ts';
import type { Db } from '../../platform/db.ts';
import { sortKey } from '../../platform/text/sort-key.ts';

/** Rows per UPDATE: two parameters each, far below both engines' limits. */
const PER_STATEMENT = 500;

/** Rewrites every wrong sortName of organizations, subjects and tags; returns how many it rewrote. */
export async function refreshSortNames(db: Db): Promise<number> {
  const select = { id: true, name: true, sortName: true } as const;
  const tables = [
    ['Organization', await db.organization.findMany({ select })],
    ['Subject', await db.subject.findMany({ select })],
    ['Tag', await db.tag.findMany({ select })],
  ] as const;
  let fixed = 0;
  for (const [table, rows] of tables) {
    const wrong = rows.filter((r) => r.sortName !== sortKey(r.name));
    for (let i = 0; i < wrong.length; i += PER_STATEMENT) {
      const part = wrong.slice(i, i + PER_STATEMENT);
      const cases = join(part.map((r) => sql`WHEN ${r.id} THEN ${sortKey(r.name)}`), ' ');
      fixed += await db.$executeRaw(sql`UPDATE ${raw(`"${table}"`)} SET "sortName" = CASE "id" ${cases} END WHERE "id" IN (${join(part.map((r) => r.id))})`);
    }
  }
  // Lists are ordered anew: pages cached before are out of date.
  if (fixed) await bumpContentVersion(db);
  return fixed;
}
