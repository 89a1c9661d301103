import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/domain/errors';
import { ND07_2021, STANDARDS } from '../../../electron/domain/households/standards';
import { scoreB1, scorePhieuB, ScoreTableSchema, tableFitsStandard, tablesForYear } from '../../../electron/domain/households/scoring';
import fixture from '../../fixtures/scoring/TEST-ONLY-score-table.json' with { type: 'json' };

/*
 * No official Phiếu B table could be read (docs/research/poverty-review.md): every score and
 * threshold below is from the TEST-ONLY fixture, whose values are made up to exercise the method.
 * The method itself (B1 stands for income against the standard's lines, B2 = points × deprivations,
 * the standard's own rule decides) is what is under test.
 */
const table = ScoreTableSchema.parse(fixture);
const qd59 = STANDARDS.find((s) => s.id === 'qd59-2015');

/** Answers giving B1 = base + sum; fixture rural base 10: Q1 "1" 15, Q2 "khong" 0, Q3 "bankientco" 10 = 35. */
const poorish = { Q1: '1', Q2: 'khong', Q3: 'bankientco' };
const threeDeprived = ['water', 'sanitation', 'healthInsurance'];

describe('Phiếu B score table', () => {
  it('is marked test-only and fits Nghị định 07/2021 (a threshold for every line its rule names)', () => {
    expect(table.testOnly).toBe(true);
    expect(tableFitsStandard(table, ND07_2021)).toEqual([]);
  });

  it('does not fit a standard whose rule names a line it has no threshold for', () => {
    expect(qd59).toBeDefined();
    if (qd59) expect(tableFitsStandard(table, qd59).length).toBeGreaterThan(0);
  });

  it('refuses a threshold order opposite to the lines (poverty above medium)', () => {
    const backwards = ScoreTableSchema.parse({ ...fixture, thresholds: { rural: { poverty: 80, medium: 70 }, urban: fixture.thresholds.urban } });
    expect(tableFitsStandard(backwards, ND07_2021)).toContain('rural.poverty>medium');
  });

  it('refuses a question listed twice and a table without thresholds', () => {
    expect(ScoreTableSchema.safeParse({ ...fixture, questions: [fixture.questions[0], fixture.questions[0]] }).success).toBe(false);
    expect(ScoreTableSchema.safeParse({ ...fixture, thresholds: { rural: {}, urban: fixture.thresholds.urban } }).success).toBe(false);
  });

  it('adds the base score and the chosen answers, by area', () => {
    expect(scoreB1(table, 'rural', poorish)).toEqual({ b1: 35, unanswered: [] });
    expect(scoreB1(table, 'urban', poorish)).toEqual({ b1: 45, unanswered: [] });
    expect(scoreB1(table, 'rural', { Q1: '2' })).toEqual({ b1: 40, unanswered: ['Q2', 'Q3'] });
  });

  it('throws a coded error for an answer the table does not have', () => {
    try {
      scoreB1(table, 'rural', { Q1: '7' });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('HOUSEHOLD_ANSWER_UNKNOWN');
    }
  });

  it('gives no class until every B1 question is answered', () => {
    const s = scorePhieuB({ area: 'rural', answers: { Q1: '0' }, deprived: threeDeprived }, table, ND07_2021);
    expect(s.class).toBeUndefined();
    expect(s.unanswered).toEqual(['Q2', 'Q3']);
  });
});

describe('class from a filled Phiếu B (rule of Nghị định 07/2021, thresholds of the test table)', () => {
  const classOf = (area: 'rural' | 'urban', answers: Record<string, string>, deprived: string[]) =>
    scorePhieuB({ area, answers, deprived }, table, ND07_2021);

  it('B1 at the rural poverty threshold (40) with 3 deprivations (B2 = 30): poor', () => {
    const s = classOf('rural', { Q1: '2', Q2: 'khong', Q3: 'tam' }, threeDeprived);
    expect([s.b1, s.b2, s.class]).toEqual([40, 30, 'poor']);
  });

  it('B1 at the rural poverty threshold with 2 deprivations (B2 = 20): near-poor', () => {
    const s = classOf('rural', { Q1: '2', Q2: 'khong', Q3: 'tam' }, ['water', 'sanitation']);
    expect([s.b1, s.b2, s.class]).toEqual([40, 20, 'nearPoor']);
  });

  it('B1 one step over the rural poverty threshold (45), 5 deprivations: medium, not poor', () => {
    const s = classOf('rural', { Q1: '1', Q2: 'co', Q3: 'tam' }, ['water', 'sanitation', 'healthInsurance', 'telecom', 'nutrition']);
    expect([s.b1, s.class]).toEqual([45, 'medium']);
  });

  it('B1 at the rural medium threshold (70): medium; above it (75): above medium', () => {
    expect(classOf('rural', { Q1: '2', Q2: 'co', Q3: 'bankientco' }, []).b1).toBe(70);
    expect(classOf('rural', { Q1: '2', Q2: 'co', Q3: 'bankientco' }, []).class).toBe('medium');
    const higher = classOf('rural', { Q1: '2', Q2: 'co', Q3: 'kientco' }, []);
    expect([higher.b1, higher.class]).toEqual([85, 'above']);
  });

  it('urban uses its own base, points and thresholds (poverty 50, medium 85)', () => {
    // urban: 20 + 15 + 15 + 0 = 50 -> at the urban poverty threshold.
    const atLine = classOf('urban', { Q1: '1', Q2: 'co', Q3: 'tam' }, threeDeprived);
    expect([atLine.b1, atLine.class]).toEqual([50, 'poor']);
    // The same answers in a rural household score 45: over the rural threshold of 40.
    expect(classOf('rural', { Q1: '1', Q2: 'co', Q3: 'tam' }, threeDeprived).class).toBe('medium');
    const urbanTop = classOf('urban', { Q1: '2', Q2: 'khong', Q3: 'kientco' }, []);
    expect([urbanTop.b1, urbanTop.class]).toEqual([85, 'medium']);
    expect(classOf('urban', { Q1: '2', Q2: 'co', Q3: 'kientco' }, []).class).toBe('above');
  });

  it('refuses an indicator the standard does not have', () => {
    expect(() => classOf('rural', poorish, ['wifi'])).toThrow();
  });

  it('offers the table for the years it covers only', () => {
    expect(tablesForYear([table], 2025, 'nd07-2021')).toHaveLength(1);
    expect(tablesForYear([table], 2027, 'nd07-2021')).toHaveLength(0);
    expect(tablesForYear([table], 2025, 'qd59-2015')).toHaveLength(0);
  });
});
