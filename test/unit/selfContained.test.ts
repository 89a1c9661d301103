import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A user's clone has no sibling folders: nothing in the repository may reach outside it. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mjs|cjs|js|json)$/.test(name) ? [p] : [];
  });
}

describe('the repository stands on its own', () => {
  it('no source, test or build file refers to a folder beside the repository', () => {
    const outside = /(['"`/])\.\.\/(\.\.\/)*shared\b|'\.\.',\s*'shared'|DESIGN\.md/;
    const bad = ['electron', 'renderer', 'test', 'build']
      .flatMap(files)
      .filter((f) => !f.endsWith('selfContained.test.ts') && outside.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
