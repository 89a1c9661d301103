import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_ERROR_CODES } from '../../electron/core/bundles/errors';
import { SYNC_ERROR_CODES } from '../../electron/core/sync/errors';
import { HOUSEHOLD_ERROR_CODES } from '../../electron/domain/households/errors';
import { EXTRACT_WARNING_CODES } from '../../electron/domain/directives/extract/warnings';
import { createI18n, errorMessage } from '../../electron/domain/translate';
import { MISSING_MARK, type Lang } from '../../electron/domain/i18n/resources';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Every key an AppError can carry: literal `new AppError(CODE, 'ns:key')` plus the helpers' code lists. */
function errorKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles('electron')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'[A-Z_]+',\s*'([\w-]+:[\w.]+)'/g)) keys.add(m[1] as string);
  }
  for (const c of HOUSEHOLD_ERROR_CODES) keys.add(`households:errors.${c}`);
  for (const c of SYNC_ERROR_CODES) keys.add(`bundles:sync.errors.${c}`);
  for (const c of BUNDLE_ERROR_CODES) keys.add(`bundles:errors.${c}`);
  for (const c of EXTRACT_WARNING_CODES) keys.add(`directives:extract.warnings.${c}`);
  return [...keys].sort();
}

describe('every error has a sentence in both languages', () => {
  const keys = errorKeys();

  it('finds the thrown errors', () => {
    expect(keys.length).toBeGreaterThan(80);
    expect(keys).toContain('households:errors.IMPORT_HAS_ERRORS');
  });

  for (const lang of ['vi', 'en'] as const satisfies readonly Lang[]) {
    it(`renders each key in ${lang}, with a count where the key is plural`, () => {
      const missing = keys.filter((k) => errorMessage({ code: 'X', messageKey: k, params: { count: 2 } }, lang).includes(MISSING_MARK));
      expect(missing).toEqual([]);
    });
  }

  it('fills plural keys, and numbers in each language\'s own style (the CLI once printed the raw key)', () => {
    expect(errorMessage({ code: 'IMPORT_HAS_ERRORS', messageKey: 'households:errors.IMPORT_HAS_ERRORS', params: { count: 3 } })).toBe(
      'Tệp có 3 dòng lỗi nên chưa nhập gì. Sửa các dòng lỗi hoặc chọn chỉ nhập các dòng hợp lệ.',
    );
    const en = createI18n('en');
    expect(en.t('households:reason.atMost' as never, { income: 1_200_000, limit: 1_500_000 })).toBe('income 1,200,000 VND ≤ 1,500,000 VND');
    expect(createI18n('vi').t('households:reason.atMost' as never, { income: 1_200_000, limit: 1_500_000 })).toMatch(/1\.200\.000 đ ≤ 1\.500\.000 đ$/);
    expect(errorMessage({ code: 'X', messageKey: 'households:errors.NO_SUCH_KEY', params: {} })).toBe('⟦errors.NO_SUCH_KEY⟧');
  });

  it('instances are independent: switching one language leaves another alone', async () => {
    const a = createI18n('vi');
    const b = createI18n('vi');
    await a.changeLanguage('en');
    expect(a.t('tasks:status.done' as never)).toBe('Done');
    expect(b.t('tasks:status.done' as never)).toBe('Hoàn thành');
  });
});
