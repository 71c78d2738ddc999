// Driver adapters for the Prisma CLI only (prisma.config.ts), with the workarounds from
// prisma-offline.md. The app's own clients are made in ../db.ts.
import { engineOf } from '../db.ts';

export async function cliAdapter(url: string) {
  if (engineOf(url) === 'postgres') return (await import('./postgres.ts')).postgresCliAdapter(url);
  return (await import('./sqlite.ts')).sqliteCliAdapter(url);
}
