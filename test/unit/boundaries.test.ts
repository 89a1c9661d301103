import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

describe('the two halves only meet at the contract', () => {
  it('electron/core never imports electron', () => {
    const offenders = files('electron/core').filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the contract imports neither electron nor node built-ins with side effects', () => {
    const offenders = files('electron/contract').filter((f) => imports(f).some((i) => i === 'electron' || i.startsWith('node:')));
    expect(offenders).toEqual([]);
  });

  it('renderer imports nothing under electron/ except the contract', () => {
    const bad: string[] = [];
    for (const f of files('renderer')) {
      for (const i of imports(f)) {
        if (!i.startsWith('.')) {
          if (i === 'electron' || i.startsWith('node:')) bad.push(`${f} -> ${i}`);
          continue;
        }
        const target = path.relative('.', path.resolve(path.dirname(f), i));
        if (target.startsWith('electron') && !target.startsWith(path.join('electron', 'contract'))) bad.push(`${f} -> ${i}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
