import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { folderCycles, readImportGraph, reachable, type ImportGraph } from './architecture/importGraph';

/**
 * The layers and who may import whom (docs/ARCHITECTURE.md):
 *   domain   — pure rules; imports only domain and pure packages
 *   contract — operations and their schemas; imports domain
 *   core     — plain-Node backend; imports contract and domain, never electron or the renderer
 *   renderer — React UI; imports contract and domain
 *   shell    — electron/main, preload, ipc, harness, cli: the wiring around the core
 */
const graph: ImportGraph = readImportGraph(['electron', 'renderer']);

type Layer = 'domain' | 'contract' | 'core' | 'renderer' | 'shell' | 'other';
function layerOf(file: string): Layer {
  const p = file.split(path.sep);
  if (p[0] === 'renderer') return 'renderer';
  if (p[0] !== 'electron') return 'other';
  if (p[1] === 'domain' || p[1] === 'contract' || p[1] === 'core') return p[1];
  return 'shell';
}

const ALLOWED: Record<Layer, readonly Layer[]> = {
  domain: ['domain'],
  contract: ['contract', 'domain'],
  core: ['core', 'contract', 'domain', 'other'],
  renderer: ['renderer', 'contract', 'domain'],
  shell: ['shell', 'core', 'contract', 'domain', 'other'],
  other: [],
};

/** Packages the pure layers may use: no I/O, no Node built-ins. */
const PURE_PACKAGES = ['zod', 'date-fns', 'i18next'];
const isPurePackage = (spec: string): boolean => PURE_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));

function offenders(check: (from: string, to: string) => boolean): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph.local) for (const to of targets) if (check(from, to)) out.push(`${from} -> ${to}`);
  return out;
}

describe('the import graph keeps its layers', () => {
  it('reads the whole tree', () => {
    expect(graph.files.length).toBeGreaterThan(250);
  });

  it('no arrow goes up a layer', () => {
    expect(offenders((from, to) => !ALLOWED[layerOf(from)].includes(layerOf(to)))).toEqual([]);
  });

  it('the domain uses no I/O: no Node built-ins, no electron, only pure packages', () => {
    const bad = graph.files
      .filter((f) => layerOf(f) === 'domain')
      .flatMap((f) => (graph.bare.get(f) ?? []).filter((s) => !isPurePackage(s)).map((s) => `${f} -> ${s}`));
    expect(bad).toEqual([]);
  });

  it('the contract and the renderer never reach Node or electron, even through another file', () => {
    const bad = graph.files
      .filter((f) => layerOf(f) === 'contract' || layerOf(f) === 'renderer')
      .flatMap((f) => (graph.bare.get(f) ?? []).filter((s) => s === 'electron' || s.startsWith('node:')).map((s) => `${f} -> ${s}`));
    expect(bad).toEqual([]);
  });

  it('nothing the renderer or the contract can reach belongs to the core', () => {
    const bad: string[] = [];
    for (const f of graph.files.filter((g) => layerOf(g) === 'renderer' || layerOf(g) === 'contract')) {
      for (const r of reachable(graph, f)) if (layerOf(r) === 'core' || layerOf(r) === 'shell') bad.push(`${f} reaches ${r}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('electron/core never imports electron', () => {
    const bad = graph.files
      .filter((f) => layerOf(f) === 'core')
      .flatMap((f) => (graph.bare.get(f) ?? []).filter((s) => s === 'electron' || s.startsWith('electron/')).map((s) => `${f} -> ${s}`));
    expect(bad).toEqual([]);
  });

  it('the preload exposes the contract only', () => {
    const bad = (graph.local.get(path.join('electron', 'preload.ts')) ?? []).filter((t) => layerOf(t) !== 'contract' && layerOf(t) !== 'domain');
    expect(bad).toEqual([]);
  });

  it('no import cycle between features (electron/<layer>/<feature>, renderer/<feature>)', () => {
    const featureGraph: ImportGraph = { files: graph.files, bare: graph.bare, local: new Map() };
    // A feature is a folder two levels down in electron/, one level down in renderer/: parent and
    // child folders of one feature may use each other.
    const feature = (f: string): string => {
      const p = f.split(path.sep);
      if (p[0] === 'renderer' || layerOf(f) === 'shell') return p.slice(0, Math.min(2, p.length - 1)).join('/');
      return p.slice(0, Math.min(3, p.length - 1)).join('/');
    };
    for (const [from, targets] of graph.local) {
      featureGraph.local.set(
        path.join(feature(from), 'x.ts'),
        [...(featureGraph.local.get(path.join(feature(from), 'x.ts')) ?? []), ...targets.map((t) => path.join(feature(t), 'x.ts'))],
      );
    }
    expect(folderCycles(featureGraph)).toEqual([]);
  });
});

describe('the graph reader itself', () => {
  it('finds a cycle when there is one', () => {
    const g: ImportGraph = {
      files: ['a/x.ts', 'b/y.ts'],
      bare: new Map(),
      local: new Map([
        ['a/x.ts', ['b/y.ts']],
        ['b/y.ts', ['a/x.ts']],
      ]),
    };
    expect(folderCycles(g)).toEqual([['a', 'b']]);
  });
});
