// The PostgreSQL schema is a generated twin of the SQLite one (prisma/sqlite/schema.prisma, the
// only schema file to edit): same models, another provider and client output.

export const TWIN_HEADER = `// GENERATED from prisma/sqlite/schema.prisma by scripts/db-sync-schemas.ts: do not edit.
// Change the SQLite schema, run \`npm run db:sync-schemas\`, then \`npm run db:migration -- <name>\`.
`;

const SWAPS: ReadonlyArray<{ what: string; from: RegExp; to: string }> = [
  { what: 'the header comment', from: /^(\/\/[^\n]*\n)*/, to: TWIN_HEADER },
  { what: 'the datasource provider', from: /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, to: '$1"postgresql"' },
  { what: 'the datasource url', from: /(datasource db \{[^}]*url\s*=\s*)"file:[^"]*"/, to: '$1"postgresql://localhost/unused"' },
  {
    what: 'the generator output',
    from: /(generator client \{[^}]*output\s*=\s*)"\.\.\/\.\.\/src\/generated\/sqlite"/,
    to: '$1"../../src/generated/postgres"',
  },
];

/** The PostgreSQL twin of the SQLite source schema; throws when a swap finds nothing to replace. */
export function postgresTwin(source: string): string {
  if (/@db\./.test(source)) throw new Error('the source schema uses a native type (@db.…), which does not carry over between engines');
  let out = source;
  for (const swap of SWAPS) {
    const found = out.match(new RegExp(swap.from.source, 'g'))?.length ?? 0;
    if (found !== 1) throw new Error(`cannot swap ${swap.what}: expected one match in the source schema, found ${found}`);
    out = out.replace(swap.from, swap.to);
  }
  if (/"sqlite"|generated\/sqlite|"file:/.test(out)) throw new Error('the twin still names SQLite after the swaps');
  return out;
}
