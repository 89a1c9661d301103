import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project's own import graph, read from source text: file -> files it imports (relative imports resolved). */
export interface ImportGraph {
  files: string[];
  /** Relative imports resolved to repository paths. */
  local: Map<string, string[]>;
  /** Bare specifiers (packages, node: built-ins). */
  bare: Map<string, string[]>;
}

const SOURCE = /\.(ts|tsx)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : SOURCE.test(name) ? [p] : [];
  });
}

export function specifiersOf(text: string): string[] {
  // Drops comments first so an example in a comment is not read as an import.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  return [
    ...code.matchAll(
      /(?:^|[;\s])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

function resolveLocal(from: string, spec: string): string | null {
  const base = path.join(path.dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return path.normalize(p);
  }
  return null;
}

export function readImportGraph(roots: string[]): ImportGraph {
  const files = roots.flatMap((r) => (existsSync(r) && statSync(r).isDirectory() ? walk(r) : existsSync(r) ? [r] : []));
  const local = new Map<string, string[]>();
  const bare = new Map<string, string[]>();
  for (const f of files) {
    const specs = specifiersOf(readFileSync(f, 'utf8'));
    local.set(
      f,
      specs.filter((s) => s.startsWith('.')).map((s) => resolveLocal(f, s)).filter((p): p is string => p !== null),
    );
    bare.set(f, specs.filter((s) => !s.startsWith('.')));
  }
  return { files, local, bare };
}

/** Every file reachable from `start` through relative imports (start included). */
export function reachable(graph: ImportGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const g of graph.local.get(f) ?? []) stack.push(g);
  }
  return seen;
}

/** Strongly connected components of the folder graph with more than one folder: import cycles between folders. */
export function folderCycles(graph: ImportGraph): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [f, targets] of graph.local) {
    const a = path.dirname(f);
    for (const t of targets) {
      const b = path.dirname(t);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
  }
  // Tarjan's algorithm, iterative enough for a few hundred folders.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out;
}
