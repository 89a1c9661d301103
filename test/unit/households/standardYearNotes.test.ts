import { describe, expect, it } from 'vitest';
import { BUILT_IN_CITATIONS, reviewYearRange, STANDARDS, yearStandards } from '../../../electron/domain/households/standards';

/**
 * Which text a review year's standard rests on when it is not the standard's own decree: 2026
 * uses nd07-2021 because Nghị định 351/2025 keeps Điều 3 of Nghị định 07/2021 for that year,
 * and 2021 uses qd59-2015 because Nghị định 07/2021 starts its lines in 2022. Each sentence
 * names a text the data file cites among its sources.
 */
describe('year notes of the built-in standards', () => {
  const view = yearStandards(reviewYearRange(), STANDARDS, []);
  const noteOf = (year: number): string | undefined => {
    const y = view.find((v) => v.year === year);
    return y?.status === 'builtIn' ? y.yearNote?.text : undefined;
  };

  it('2026 rests on Nghị định 351/2025 keeping Điều 3 of Nghị định 07/2021; 2021 on Nghị định 07/2021', () => {
    expect(noteOf(2026)).toContain('Nghị định 351/2025/NĐ-CP ngày 30/12/2025 giữ các mức của Điều 3 Nghị định 07/2021/NĐ-CP');
    expect(noteOf(2021)).toContain('vẫn dùng chuẩn nghèo giai đoạn 2016–2020 của Quyết định 59/2015/QĐ-TTg');
    // The years the standard's own decree covers need no note.
    expect([2022, 2023, 2024, 2025].map(noteOf)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('the English interface reads the same sentence in English, naming the same document', () => {
    const en = (year: number): string | undefined => {
      const y = view.find((v) => v.year === year);
      return y?.status === 'builtIn' ? y.yearNote?.textEn : undefined;
    };
    expect(en(2026)).toContain('keeps the lines of Điều 3 of Nghị định 07/2021/NĐ-CP');
    expect(en(2021)).toContain('still uses the 2016–2020 poverty standard of Quyết định 59/2015/QĐ-TTg');
    for (const c of BUILT_IN_CITATIONS.values()) for (const n of c.yearNotes) {
      expect(n.textEn).toContain(n.document);
      // No Vietnamese sentence words left in the English one (names of texts keep their marks).
      expect(n.textEn).not.toMatch(/ giữ | vẫn dùng | áp dụng /);
    }
  });

  it('every note names a document the same data file cites', () => {
    for (const s of STANDARDS) {
      const c = BUILT_IN_CITATIONS.get(s.id);
      for (const n of c?.yearNotes ?? []) {
        expect(c?.sources.some((src) => src.document?.startsWith(n.document)), `${s.id} ${n.year}`).toBe(true);
        expect(n.year >= s.reviewYears.from && n.year <= s.reviewYears.to, `${s.id} ${n.year}`).toBe(true);
      }
    }
  });
});
