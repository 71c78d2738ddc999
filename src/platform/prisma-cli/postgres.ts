import { PrismaPg } from '@prisma/adapter-pg';
import { pgConnection } from '../db.ts';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

// The catalog types `"char"` (oid 18) and `name` (oid 19) that the schema engine reads; the
// adapter cannot map them (prisma/orm#27403). Both arrive as strings, so they are text (oid 25).
const CATALOG_TEXT_TYPES = new Set([18, 19]);
const TEXT = 25;

type PgResult = { fields: { dataTypeID: number }[] };

interface PerformIO {
  // One result per statement when a parameterless script holds several.
  performIO(query: unknown): Promise<PgResult | PgResult[]>;
}

function relabelCatalogColumns<T extends PgAdapter | PgTransaction>(queryable: T): T {
  // performIO is private in the adapter's types; queryRaw maps the fields it returns.
  const target = queryable as unknown as PerformIO;
  const performIO = target.performIO.bind(queryable);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const r of Array.isArray(result) ? result : [result]) {
      for (const field of r.fields) if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT;
    }
    return result;
  };
  return queryable;
}

function withRelabelling(adapter: PgAdapter): PgAdapter {
  relabelCatalogColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => relabelCatalogColumns(await startTransaction(isolationLevel));
  return adapter;
}

/**
 * PrismaPg for migrate commands: discrete connection fields so that the shadow database of
 * `migrate diff --from-migrations` really is a new database (a connectionString would win over
 * its name), and a pool that lets the CLI exit as soon as it is done.
 */
export function postgresCliAdapter(url: string): PrismaPg {
  const factory = new PrismaPg({ ...pgConnection(url), max: 2, idleTimeoutMillis: 100, allowExitOnIdle: true, connectionTimeoutMillis: 10_000 });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => withRelabelling(await connect());
  factory.connectToShadowDb = async () => withRelabelling(await connectToShadowDb());
  return factory;
}
