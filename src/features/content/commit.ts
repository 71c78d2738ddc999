// The write path every content change takes: validate references, find a free slug, write the
// row with its links and its AuditLog entry, map database errors to field errors, bump the
// content version. Creates run in one interactive transaction (the row's id is needed by its
// links and audit entry); updates and deletes in one array transaction. Decision 0030.
import { bumpContentVersion } from '../../platform/content-version.ts';
import { inTransactionOf, type Db } from '../../platform/db.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { mapPrismaError, prismaFailure } from '../../platform/prisma-errors.ts';
import { auditData, diffSnapshots, type EntityType, type Snapshot, type WriteContext } from './audit.ts';
import * as repo from './content.repo.ts';
import { firstFreeSlug, slugify } from './slug.ts';

export const SLUG_TAKEN = 'This slug is taken: choose another one.';

export function invalid(errors: FieldErrors): never {
  throw new ValidationError('Some fields need attention.', errors);
}

function slugConflict(): ConflictError {
  return new ConflictError(SLUG_TAKEN, { fields: { slug: SLUG_TAKEN } });
}

export interface CreateSpec {
  type: EntityType;
  /** Tables with slugs: the one given (must be free) or one made from `slugFrom`. */
  slug?: { model: repo.SlugModel; given: string | undefined; from: string };
  /** Writes the row through `db` (the transaction's client). */
  create: (slug: string, db: Db) => Promise<{ id: number }>;
  /** The link writes, built on `db` (the transaction's client). */
  links: (id: number, db: Db) => repo.Op[];
  label: string;
  snapshot: (slug: string) => Snapshot;
}

/** How long a create's transaction may wait for the connection and then run. */
const CREATE_TX_MS = 10_000;

/**
 * Runs `fn` in ONE interactive transaction: everything it writes through the Db it is given
 * commits together or not at all (a crash in between leaves nothing). See decision 0030.
 */
export async function inOneTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>, timeoutMs = CREATE_TX_MS): Promise<T> {
  // The transaction client has the models and raw queries; only $transaction/$connect are missing.
  return db.$transaction(
    (tx) => inTransactionOf(db, tx as unknown as Db, () => fn(tx as unknown as Db)),
    { maxWait: timeoutMs, timeout: timeoutMs },
  );
}

/** Runs operations built on a transaction client, one after the other. */
export async function runOps(ops: repo.Op[]): Promise<void> {
  for (const op of ops) await op;
}

/** Finds the slug, then writes the row, its links and its AuditLog entry through `tx`, a transaction's client. */
async function createIn(ctx: WriteContext, tx: Db, spec: CreateSpec): Promise<{ id: number; slug: string }> {
  let slug = '';
  if (spec.slug) {
    const { model, given, from } = spec.slug;
    if (given !== undefined && (await repo.idOfSlug(tx, model, given)) !== null) throw slugConflict();
    const base = slugify(from) || model;
    slug = given ?? firstFreeSlug(base, new Set(await repo.slugsStartingWith(tx, model, base)));
  }
  const changes = diffSnapshots(null, spec.snapshot(slug));
  const { id } = await spec.create(slug, tx);
  await runOps([...spec.links(id, tx), repo.auditOp(tx, auditData(ctx, { type: spec.type, id, label: spec.label, action: 'create', changes }))]);
  return { id, slug };
}

export async function createAudited(ctx: WriteContext, spec: CreateSpec): Promise<{ id: number; slug: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      // The row, its links and its AuditLog entry in one transaction: all or nothing.
      const made = await inOneTransaction(ctx.db, (tx) => createIn(ctx, tx, spec));
      await bumpContentVersion(ctx.db);
      return made;
    } catch (err) {
      // Another editor took the same slug between our look-up and our write: take the next one.
      if (prismaFailure(err) === 'unique' && spec.slug && spec.slug.given === undefined && attempt < 5) continue;
      throw mapWriteError(err, spec.type);
    }
  }
}

/**
 * Several creates in ONE transaction, in order: every record is written with its links and its
 * history, or none is (the claims an editor saves together from an article).
 */
export async function createAllAudited(ctx: WriteContext, specs: CreateSpec[]): Promise<{ id: number; slug: string }[]> {
  if (specs.length === 0) return [];
  try {
    const made = await inOneTransaction(ctx.db, async (tx) => {
      const out: { id: number; slug: string }[] = [];
      for (const spec of specs) out.push(await createIn(ctx, tx, spec));
      return out;
    });
    await bumpContentVersion(ctx.db);
    return made;
  } catch (err) {
    throw mapWriteError(err, specs[0]!.type);
  }
}

export interface UpdateSpec {
  type: EntityType;
  id: number;
  label: string;
  before: Snapshot;
  after: Snapshot;
  /** When the slug changes: the table, to check that the new one is free. */
  slugModel?: repo.SlugModel;
  ops: repo.Op[];
}

/** Writes only when something changed; returns whether it did. */
export async function updateAudited(ctx: WriteContext, spec: UpdateSpec): Promise<boolean> {
  const { db } = ctx;
  const changes = diffSnapshots(spec.before, spec.after);
  if (Object.keys(changes).length === 0) return false;
  const newSlug = changes.slug?.after;
  if (spec.slugModel && typeof newSlug === 'string') {
    const holder = await repo.idOfSlug(db, spec.slugModel, newSlug);
    if (holder !== null && holder !== spec.id) throw slugConflict();
  }
  try {
    await db.$transaction([...spec.ops, repo.auditOp(db, auditData(ctx, { type: spec.type, id: spec.id, label: spec.label, action: 'update', changes }))]);
  } catch (err) {
    throw mapWriteError(err, spec.type);
  }
  await bumpContentVersion(db);
  return true;
}

export interface DeleteSpec {
  type: EntityType;
  id: number;
  label: string;
  before: Snapshot;
}

export interface Reference {
  what: string;
  names: string[];
}

export function describeReferences(refs: Reference[]): string[] {
  return refs
    .filter((r) => r.names.length > 0)
    .map((r) => `${r.what}: ${r.names.map((n) => `“${n}”`).join(', ')}${r.names.length >= 20 ? ' and more' : ''}`);
}

/** Refuses (Conflict, listing them) while anything refers to the record; otherwise deletes it. */
export async function deleteAudited(ctx: WriteContext, spec: DeleteSpec): Promise<void> {
  const { db } = ctx;
  const refs = describeReferences(await repo.referencesTo(db, spec.type, spec.id));
  if (refs.length) {
    throw new ConflictError(`“${spec.label}” is still referenced, so nothing was deleted. Referenced by ${refs.join('; ')}.`, { references: refs });
  }
  const changes = diffSnapshots(spec.before, null);
  try {
    await db.$transaction([
      repo.auditOp(db, auditData(ctx, { type: spec.type, id: spec.id, label: spec.label, action: 'delete', changes })),
      repo.deleteOp(db, spec.type, spec.id),
    ]);
  } catch (err) {
    throw mapWriteError(err, spec.type);
  }
  await bumpContentVersion(db);
}

export function mapWriteError(err: unknown, type: EntityType): unknown {
  return mapPrismaError(err, {
    unique: slugConflict,
    notFound: () => new NotFoundError(`This ${type} no longer exists: someone may have deleted it.`),
    foreignKey: () => new ConflictError(`This ${type} is referenced by other records that changed meanwhile; reload and try again.`),
  });
}
