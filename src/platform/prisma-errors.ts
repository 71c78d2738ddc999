// The one place that knows Prisma's error codes for writes and turns them into AppErrors.
// (Connection-level codes, which mean "the database is away", are in db.ts.)
import type { AppError } from './errors.ts';

export const PRISMA_CODES = {
  /** A unique constraint refused the value (a slug, an email). */
  unique: 'P2002',
  /** A foreign key refused the row: what it refers to is gone or still referenced. */
  foreignKey: 'P2003',
  /** The row to update or delete does not exist (any more). */
  notFound: 'P2025',
} as const;

export type PrismaFailure = keyof typeof PRISMA_CODES;

/**
 * A raw statement's failure (P2010, "raw query failed") carries the driver adapter's kind instead:
 * the same on both engines (the import's multi-row INSERTs are raw statements, platform/bulk.ts).
 */
const ADAPTER_KINDS: Record<string, PrismaFailure> = {
  UniqueConstraintViolation: 'unique',
  ForeignKeyConstraintViolation: 'foreignKey',
};

/** Which of the failures above `err` is, or undefined for any other error. */
export function prismaFailure(err: unknown): PrismaFailure | undefined {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  const code = e?.code;
  if (typeof code !== 'string') return undefined;
  const kind = e?.meta?.driverAdapterError?.cause?.kind;
  if (code === 'P2010' && typeof kind === 'string') return ADAPTER_KINDS[kind];
  return (Object.keys(PRISMA_CODES) as PrismaFailure[]).find((k) => PRISMA_CODES[k] === code);
}

/** The AppError the caller gives for this failure; the error itself when it is none of them. */
export function mapPrismaError(err: unknown, answers: Partial<Record<PrismaFailure, () => AppError>>): unknown {
  const failure = prismaFailure(err);
  const answer = failure ? answers[failure] : undefined;
  return answer ? answer() : err;
}
