import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../electron/domain/i18n/locales/en/households.json' with { type: 'json' };
import vi from '../../../electron/domain/i18n/locales/vi/households.json' with { type: 'json' };
import { classifyHousehold } from '../../../electron/domain/households/classify';
import { HOUSEHOLD_ERROR_CODES } from '../../../electron/domain/households/errors';
import { formatProblemVi, formatReasonVi, problem, renderVi } from '../../../electron/domain/households/messages';
import { STANDARDS } from '../../../electron/domain/households/standards';
import { HOUSEHOLD_CLASSES, indicatorsOf } from '../../../electron/domain/households/standards/schema';

function flatten(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}
const viFlat = flatten(vi);
const enFlat = flatten(en);
const withoutPlural = (k: string) => k.replace(/_(one|other)$/, '');

async function translator(lng: 'vi' | 'en') {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { vi: { households: vi }, en: { households: en } }, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i.t.bind(i);
}

describe('households messages', () => {
  it('Vietnamese and English carry the same keys; Vietnamese has no plural forms', () => {
    expect(new Set(Object.keys(viFlat).map(withoutPlural))).toEqual(new Set(Object.keys(enFlat).map(withoutPlural)));
    expect(Object.keys(viFlat).filter((k) => k.endsWith('_one'))).toEqual([]);
    for (const k of Object.keys(enFlat).filter((x) => x.endsWith('_other'))) expect(enFlat[k.replace(/_other$/, '_one')], k).toBeDefined();
  });

  it('names every error code, class and indicator', () => {
    for (const code of HOUSEHOLD_ERROR_CODES) {
      expect(viFlat[`errors.${code}`], code).toBeTruthy();
      expect(enFlat[`errors.${code}`], code).toBeTruthy();
    }
    for (const c of HOUSEHOLD_CLASSES) expect(viFlat[`class.${c}`] && enFlat[`class.${c}`], c).toBeTruthy();
    for (const s of STANDARDS) {
      for (const ind of indicatorsOf(s)) expect(viFlat[`indicator.${ind.code}`] && enFlat[`indicator.${ind.code}`], ind.code).toBeTruthy();
    }
  });

  it('i18next renders reasons and problems exactly as the core does', async () => {
    const t = await translator('vi');
    const standard = STANDARDS[0];
    if (!standard) throw new Error('no standard');
    for (const [area, income, n] of [
      ['rural', 1_200_000, 4],
      ['urban', 2_500_000, 0],
      ['rural', 2_250_001, 1],
    ] as const) {
      const { reason } = classifyHousehold({ area, incomePerPerson: income, deprived: indicatorsOf(standard).slice(0, n).map((i) => i.code) }, standard);
      expect(t(reason.key, reason.params)).toBe(formatReasonVi(reason));
    }
    for (const p of [problem('idNumberInvalid', { value: '0201234' }), problem('incomeImplausible', { value: 1500 }), problem('columnMissing', { column: 'Dinh dưỡng' })]) {
      expect(t(p.messageKey, p.params)).toBe(formatProblemVi(p));
    }
  });

  it('English uses singular and plural', async () => {
    const t = await translator('en');
    expect(t('households:reason.withDeprivations', { income: 1_200_000, limit: 1_500_000, count: 1 })).toBe(
      'income 1,200,000 VND ≤ 1,500,000 VND; deprived on 1 indicator',
    );
    expect(t('households:reason.withDeprivations', { income: 1_200_000, limit: 1_500_000, count: 4 })).toBe(
      'income 1,200,000 VND ≤ 1,500,000 VND; deprived on 4 indicators',
    );
  });
});

describe('the reason beside a class, rendered once per line and count', () => {
  it('says exactly what i18next renders for every class, area, count and income, fractions and huge incomes too', () => {
    const incomes = [0, 999, 1_000_000, 1_499_999.5, 1_500_000, 1_500_001, 2_250_000, 2_250_001, 3_000_000, 12_345_678, 1_000_000_000];
    let seen = 0;
    for (const standard of STANDARDS) {
      const codes = indicatorsOf(standard).map((i) => i.code);
      for (const area of ['rural', 'urban'] as const) {
        for (let n = 0; n <= Math.min(codes.length, 6); n++) {
          for (const income of incomes) {
            const c = classifyHousehold({ area, incomePerPerson: income, deprived: codes.slice(0, n) }, standard);
            // The same call twice: the second comes from the kept sentence.
            const direct = renderVi(c.reason.key, c.reason.params);
            expect(formatReasonVi(c.reason)).toBe(direct);
            expect(formatReasonVi(c.reason)).toBe(direct);
            seen++;
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(200);
    expect(formatReasonVi({ key: 'households:reason.withDeprivations', params: { income: 1_234_567, limit: 1_500_000, count: 4 } })).toBe(
      'thu nhập 1.234.567 đ ≤ 1.500.000 đ; thiếu hụt 4 chỉ số',
    );
  });
});
