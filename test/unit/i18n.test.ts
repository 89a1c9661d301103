import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = 'electron/domain/i18n/locales';
type Tree = { [k: string]: string | Tree };

function flat(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flat(v, key)) out.set(kk, vv);
  }
  return out;
}
/** Plural forms differ by language (vi: _other only; en: _one and _other): compare the base key. */
const base = (k: string): string => k.replace(/_(zero|one|two|few|many|other)$/, '');

function load(lang: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const f of readdirSync(path.join(root, lang))) {
    out.set(f.replace(/\.json$/, ''), flat(JSON.parse(readFileSync(path.join(root, lang, f), 'utf8')) as Tree));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('translations', () => {
  const vi = load('vi');
  const en = load('en');

  it('has the same namespaces and keys in Vietnamese and English', () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
    const problems: string[] = [];
    for (const [ns, keys] of vi) {
      const viKeys = new Set([...keys.keys()].map(base));
      const enKeys = new Set([...(en.get(ns)?.keys() ?? [])].map(base));
      for (const k of viKeys) if (!enKeys.has(k)) problems.push(`en lacks ${ns}:${k}`);
      for (const k of enKeys) if (!viKeys.has(k)) problems.push(`vi lacks ${ns}:${k}`);
    }
    expect(problems).toEqual([]);
  });

  it('Vietnamese uses no plural forms other than _other; English counts have _one and _other', () => {
    const problems: string[] = [];
    for (const [ns, keys] of vi) for (const k of keys.keys()) if (/_(one|few|many|two|zero)$/.test(k)) problems.push(`${ns}:${k}`);
    for (const [ns, keys] of en) {
      for (const k of keys.keys()) {
        if (k.endsWith('_other') && !keys.has(k.replace(/_other$/, '_one'))) problems.push(`en ${ns}:${k} has no _one`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every literal key used in the renderer exists in both languages', () => {
    const missing: string[] = [];
    for (const file of sourceFiles('renderer')) {
      const text = readFileSync(file, 'utf8');
      const nsMatch = /useTranslation\(\s*(?:\[\s*)?'([\w-]+)'/.exec(text);
      const defaultNs = nsMatch?.[1] ?? 'common';
      for (const m of text.matchAll(/\bt\(\s*'([\w-]+:)?([\w.]+)'/g)) {
        const ns = m[1] ? m[1].slice(0, -1) : defaultNs;
        const key = m[2] as string;
        for (const [lang, res] of [['vi', vi], ['en', en]] as const) {
          const keys = res.get(ns);
          const found = keys && (keys.has(key) || keys.has(`${key}_other`) || [...keys.keys()].some((k) => k.startsWith(`${key}.`)));
          if (!found) missing.push(`${lang} ${ns}:${key} (${file})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every key built from a template names a group that exists in both languages', () => {
    // `say(t, \`tasks:status.${s}\`)` is checked by tsc against MessageKey; plain t(\`…${x}\`)
    // is not, so at least its fixed prefix must name keys in both languages.
    const missing: string[] = [];
    let seen = 0;
    for (const file of sourceFiles('renderer')) {
      const text = readFileSync(file, 'utf8');
      const nsMatch = /useTranslation\(\s*(?:\[\s*)?'([\w-]+)'/.exec(text);
      const defaultNs = nsMatch?.[1] ?? 'common';
      for (const m of text.matchAll(/\b(?:t|say\(\s*t\s*,)\(?\s*`([\w-]+:)?([\w.]+\.)\$\{/g)) {
        seen++;
        const ns = m[1] ? m[1].slice(0, -1) : defaultNs;
        const prefix = m[2] as string;
        for (const [lang, res] of [['vi', vi], ['en', en]] as const) {
          if (![...(res.get(ns)?.keys() ?? [])].some((k) => k.startsWith(prefix))) missing.push(`${lang} ${ns}:${prefix}* (${file})`);
        }
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('no Vietnamese string is left untranslated in English by accident (same long text)', () => {
    const same: string[] = [];
    for (const [ns, keys] of vi) {
      for (const [k, v] of keys) {
        const e = en.get(ns)?.get(k);
        if (e && e === v && v.split(' ').length > 3 && /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(v)) same.push(`${ns}:${k}`);
      }
    }
    expect(same).toEqual([]);
  });
});
