import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../electron/domain/i18n/resources';
import { OrgTermsSchema } from '../../../electron/domain/org';
import { LANG_SON_2022, LANG_SON_2025 } from '../../../electron/domain/profiles/builtIn';
import { applyOrgTerms, createI18n } from '../../../electron/domain/translate';

/**
 * The organisation's words come from the profile: no Vietnamese UI string names "Phòng
 * LĐTBXH" or "huyện", in the locale files or written into the renderer's code. The profiles
 * (electron/domain/profiles) hold them, and the words of a district's own data (a district name
 * in an address) arrive as parameters.
 */
const FORBIDDEN_VI = /phòng lđtbxh|huyện/iu;
const FORBIDDEN_EN = /\bdistricts?\b|labour office/iu;

function strings(node: unknown, at: string, out: [string, string][]): [string, string][] {
  if (typeof node === 'string') out.push([at, node]);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) strings(v, at ? `${at}.${k}` : k, out);
  return out;
}

/** Code without comments: string literals and JSX text are what a user sees. */
function withoutComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(tsx?|json)$/.test(n) ? [p] : [];
  });
}

describe('organisation words come from the profile', () => {
  it('no Vietnamese locale string names "Phòng LĐTBXH" or "huyện"', () => {
    const bad = strings(RESOURCES.vi, '', []).filter(([, s]) => FORBIDDEN_VI.test(s.replace(/\{\{[^}]*\}\}/g, '')));
    expect(bad).toEqual([]);
  });

  it('no English locale string names a district or a labour office (placeholders aside)', () => {
    const bad = strings(RESOURCES.en, '', []).filter(([, s]) => FORBIDDEN_EN.test(s.replace(/\{\{[^}]*\}\}/g, '')));
    expect(bad).toEqual([]);
  });

  it('no renderer code writes them either', () => {
    const bad: string[] = [];
    for (const f of sourceFiles(path.resolve('renderer'))) {
      withoutComments(readFileSync(f, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (FORBIDDEN_VI.test(line)) bad.push(`${path.relative(process.cwd(), f)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(bad).toEqual([]);
  });

  it('under the 2025 profile, no Vietnamese string of the UI reads "Phòng LĐTBXH" or "huyện" once its words are filled in', () => {
    const i18n = createI18n('vi');
    applyOrgTerms(i18n, LANG_SON_2025);
    const vi = i18n.getFixedT('vi');
    const resolved = strings(RESOURCES.vi, '', []).map(([at]) => {
      const [ns, ...rest] = at.split('.');
      return [at, String(vi(`${ns ?? ''}:${rest.join('.')}`))] as const;
    });
    expect(resolved.length).toBeGreaterThan(500);
    // Nested words were filled in (no "$t(" left), and none of them is a 2022 word. (The
    // ministry's initials stay where a legal document is cited: "Thông tư 07/2021/TT-BLĐTBXH".)
    expect(resolved.filter(([, s]) => s.includes('$t('))).toEqual([]);
    expect(resolved.filter(([, s]) => FORBIDDEN_VI.test(s))).toEqual([]);
  });

  it('the command line prints no such word of its own either', () => {
    const bad: string[] = [];
    for (const f of sourceFiles(path.resolve('electron/cli'))) {
      withoutComments(readFileSync(f, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          if (FORBIDDEN_VI.test(line)) bad.push(`${path.relative(process.cwd(), f)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(bad).toEqual([]);
  });

  it('every profile word a locale string nests exists in both profiles and both languages', () => {
    const used = new Set<string>();
    for (const lang of ['vi', 'en'] as const) {
      for (const [, s] of strings(RESOURCES[lang], '', [])) for (const m of s.matchAll(/\$t\(org:(\w+)\)/g)) used.add(m[1] ?? '');
    }
    const derived = new Set(['upperName', 'upperFullName', 'province']);
    const known = new Set(Object.keys(OrgTermsSchema.shape));
    expect([...used].filter((k) => !known.has(k) && !derived.has(k))).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });

  it('the same keys read as the 2022 tree or the 2025 communes, in both languages', () => {
    const i18n = createI18n('vi');
    const vi = i18n.getFixedT('vi');
    const en = i18n.getFixedT('en');
    applyOrgTerms(i18n, LANG_SON_2022);
    expect(vi('households:summary.row.total')).toBe('Toàn huyện');
    expect(vi('app:firstRun.groupDistricts')).toBe('Phòng LĐTBXH các huyện, thành phố');
    expect(vi('households:errors.OFFICE_ONLY')).toBe('Chỉ Phòng LĐTBXH mới nhập và sửa hồ sơ hộ; Sở xem và tổng hợp.');
    expect(vi('app:firstRun.roleSo')).toBe('Sở LĐTBXH');
    expect(en('households:summary.colDistrict')).toBe('District, city');

    applyOrgTerms(i18n, LANG_SON_2025);
    expect(vi('households:summary.row.total')).toBe('Toàn xã');
    expect(vi('app:firstRun.groupDistricts')).toBe('Các xã, phường');
    expect(vi('households:errors.OFFICE_ONLY')).toBe('Chỉ xã, phường mới nhập và sửa hồ sơ hộ; Sở xem và tổng hợp.');
    expect(vi('app:firstRun.roleSo')).toBe('Sở Nội vụ');
    expect(vi('households:print.recipientMinistry')).toBe('- Bộ Nội vụ (b/c);');
    expect(vi('households:summary.colCommune')).toBe('Xã, phường');
    expect(en('households:summary.colDistrict')).toBe('Commune, ward');
    expect(en('households:list.allOffices')).toBe('All communes and wards');
  });
});
