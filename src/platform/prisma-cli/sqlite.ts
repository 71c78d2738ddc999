import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type Query = Parameters<SqliteAdapter['queryRaw']>[0];

function statementCount(sql: string): number {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .filter((s) => s.trim().length > 0).length;
}

const isScript = (q: Query) => q.args.length === 0 && statementCount(q.sql) > 1;

/**
 * The shadow database of `migrate diff --from-migrations` receives each migration file through
 * a one-statement call (P3006); parameterless multi-statement SQL goes to executeScript instead.
 */
function runScriptsWhole(adapter: SqliteAdapter): SqliteAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = async (q) => {
    if (!isScript(q)) return queryRaw(q);
    await adapter.executeScript(q.sql);
    return { columnNames: [], columnTypes: [], rows: [] };
  };
  adapter.executeRaw = async (q) => {
    if (!isScript(q)) return executeRaw(q);
    await adapter.executeScript(q.sql);
    return 0;
  };
  return adapter;
}

export function sqliteCliAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => runScriptsWhole(await connect());
  factory.connectToShadowDb = async () => runScriptsWhole(await connectToShadowDb());
  return factory;
}
