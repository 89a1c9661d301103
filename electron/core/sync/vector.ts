import { compareHlc, decodeHlc } from '../store/hlc';

/**
 * A version vector: for each writer (the HLC node of an installation), the newest stamp
 * covered. "The Sở holds everything of ours up to V" is said per writer rather than with one
 * HLC because versions written on another PC of our office reach us later than our own newer
 * writes: one watermark would skip them, a per-writer one does not (each PC's stamps only
 * grow, and cumulative bundles deliver a writer's versions in order).
 */
export type Vector = Record<string, string>;

export function nodeOf(hlc: string): string {
  return decodeHlc(hlc).node;
}

export function covers(v: Vector, hlc: string): boolean {
  const have = v[nodeOf(hlc)];
  return have !== undefined && compareHlc(have, hlc) >= 0;
}

export function bump(v: Vector, hlc: string): void {
  const node = nodeOf(hlc);
  const have = v[node];
  if (have === undefined || compareHlc(hlc, have) > 0) v[node] = hlc;
}

export function mergeVectors(...vs: Vector[]): Vector {
  const out: Vector = {};
  for (const v of vs) for (const h of Object.values(v)) bump(out, h);
  return out;
}
