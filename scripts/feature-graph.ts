// `npx tsx scripts/feature-graph.ts`: which features import which (type-only imports included),
// any circle among them, imports that bypass a feature's entry (index.ts, routes.ts), and entries
// whose runtime imports reach a router. src/features/structure.test.ts asserts all three are empty.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..', 'src', 'features');
const ENTRIES = new Set(['index.ts', 'routes.ts']);
const IMPORT = /(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    if (!spec?.startsWith('.')) continue;
    out.push({ from: file, to: path.resolve(path.dirname(file), spec), typeOnly: Boolean(m[2]) });
  }
  return out;
}

/** The feature a file belongs to, or null outside src/features/<name>/. */
function featureOf(file: string): string | null {
  const rel = path.relative(root, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0]! : null;
}

export interface FeatureReport {
  graph: Map<string, Set<string>>;
  cycles: string[][];
  /** "a/file.ts -> b/other.ts": imports of another feature's inner file. */
  bypasses: string[];
  /** "a/index.ts reaches a/a.routes.ts": entries that load a router at run time. */
  entriesLoadingRouters: string[];
}

export function featureReport(): FeatureReport {
  const features = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const graph = new Map(features.map((f) => [f, new Set<string>()]));
  const all = features.flatMap((f) => sourceFiles(path.join(root, f)));
  const byFile = new Map(all.map((f) => [f, importsOf(f)]));
  const bypasses: string[] = [];
  for (const imports of byFile.values()) {
    for (const i of imports) {
      const a = featureOf(i.from);
      const b = featureOf(i.to);
      if (!a || !b || a === b) continue;
      graph.get(a)!.add(b);
      if (!ENTRIES.has(path.relative(path.join(root, b), i.to))) bypasses.push(`${path.relative(root, i.from)} -> ${path.relative(root, i.to)}`);
    }
  }

  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of features) if (!state.has(f)) visit(f);

  const entriesLoadingRouters: string[] = [];
  for (const f of features) {
    const entry = path.join(root, f, 'index.ts');
    if (!fs.existsSync(entry)) continue;
    const seen = new Set<string>();
    const queue = [entry];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (file !== entry && /(^|\.)routes\.ts$/.test(path.basename(file))) {
        entriesLoadingRouters.push(`${f}/index.ts reaches ${path.relative(root, file)}`);
        continue;
      }
      for (const i of byFile.get(file) ?? []) if (!i.typeOnly && byFile.has(i.to)) queue.push(i.to);
    }
  }
  return { graph, cycles, bypasses, entriesLoadingRouters };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = featureReport();
  for (const [f, deps] of r.graph) console.log(`${f} -> ${[...deps].sort().join(', ') || '(none)'}`);
  console.log(`cycles: ${r.cycles.length ? r.cycles.map((c) => c.join(' -> ')).join('; ') : 'none'}`);
  console.log(`imports past an entry: ${r.bypasses.length ? r.bypasses.join('; ') : 'none'}`);
  console.log(`entries loading a router: ${r.entriesLoadingRouters.length ? r.entriesLoadingRouters.join('; ') : 'none'}`);
}
