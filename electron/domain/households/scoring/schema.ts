import { z } from 'zod';
import { AreaSchema, indicatorsOf, type Area, type PovertyStandard } from '../standards/schema';

/**
 * A score table of the household questionnaire (Phiếu B) of Thông tư 07/2021/TT-BLĐTBXH, as
 * data the Sở loads from the ministry's file. The app ships no official table: none could be
 * read (docs/research/poverty-review.md, scoring/tt07-2021.json), so the values of a real
 * review always come from an imported table, and a new circular needs no software update.
 *
 * The method, as far as it is cited: B1 estimates income from the household's characteristics
 * (questions whose answers carry scores, per region and area); B2 counts the deprivations of
 * the standard's indicators (a fixed number of points each). The classification reuses the
 * standard's own rule: wherever the rule says "income at or below line L", the table says
 * "B1 at or below the score thresholds[area][L]". That is how the table states the income
 * lines in score terms; which scores it gives is the ministry's, never ours.
 */

const CodeSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);
const ScoreSchema = z.number().finite().min(-1000).max(1000);
const TextSchema = (max: number) => z.string().trim().min(1).max(max);

export const ScoreAnswerSchema = z.object({
  code: CodeSchema,
  text: TextSchema(300),
  /** Points of this answer in a rural and an urban household. */
  score: z.object({ rural: ScoreSchema, urban: ScoreSchema }),
});
export type ScoreAnswer = z.infer<typeof ScoreAnswerSchema>;

export const ScoreQuestionSchema = z.object({
  code: CodeSchema,
  /** As printed on the paper form ("Số người trong hộ"). */
  text: TextSchema(300),
  answers: z.array(ScoreAnswerSchema).min(1).max(60),
});
export type ScoreQuestion = z.infer<typeof ScoreQuestionSchema>;

/** B1 score at or below which a household counts as at or below each named income line. */
export const AreaThresholdsSchema = z.record(z.string().min(1).max(40), ScoreSchema);

export const ScoreTableSchema = z
  .object({
    id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,47}$/),
    title: TextSchema(300),
    /** The circular (and amendment) the table is from. */
    legalBasis: TextSchema(500),
    /** Where these values were read: the file, the page, the official letter. */
    source: TextSchema(500),
    /** True for tables made up to test the software: the UI says so on every score. */
    testOnly: z.boolean(),
    /** "Trung du và miền núi phía Bắc" */
    region: TextSchema(120),
    /** Provinces of the region the table is meant for ("Lạng Sơn"). */
    provinces: z.array(TextSchema(80)).min(1).max(70),
    /** Review years the table applies to (inclusive). */
    years: z.object({ from: z.number().int().min(2000).max(2100), to: z.number().int().min(2000).max(2100) }),
    /** The poverty standard whose lines and indicators the table scores. */
    standardId: z.string().min(1).max(40),
    /** Points added before the answers' points, per area (0 when the table has none). */
    baseScore: z.object({ rural: ScoreSchema, urban: ScoreSchema }),
    questions: z.array(ScoreQuestionSchema).min(1).max(100),
    /** B2: points of each deprivation indicator the household lacks. */
    pointsPerIndicator: z.number().finite().positive().max(1000),
    thresholds: z.object({ rural: AreaThresholdsSchema, urban: AreaThresholdsSchema }),
  })
  .superRefine((t, ctx) => {
    if (t.years.from > t.years.to) ctx.addIssue({ code: 'custom', path: ['years'], message: 'from after to' });
    const seen = new Set<string>();
    t.questions.forEach((q, i) => {
      if (seen.has(q.code)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'code'], message: `question ${q.code} twice` });
      seen.add(q.code);
      const answers = new Set<string>();
      q.answers.forEach((a, j) => {
        if (answers.has(a.code)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'answers', j, 'code'], message: `answer ${a.code} twice` });
        answers.add(a.code);
      });
    });
    for (const area of AreaSchema.options) {
      if (Object.keys(t.thresholds[area]).length === 0) ctx.addIssue({ code: 'custom', path: ['thresholds', area], message: 'no threshold' });
    }
  });
export type ScoreTable = z.infer<typeof ScoreTableSchema>;

/**
 * Problems of pairing a table with its standard: every line the standard's rule names needs a
 * threshold in both areas, and a lower line a lower (or equal) score. Empty when they fit.
 */
export function tableFitsStandard(table: ScoreTable, standard: PovertyStandard): string[] {
  const problems: string[] = [];
  if (table.standardId !== standard.id) problems.push(`standard ${table.standardId} ≠ ${standard.id}`);
  const lineNames = [...new Set(standard.rule.bands.map((b) => b.incomeAtMost))];
  for (const area of AreaSchema.options) {
    const th = table.thresholds[area];
    for (const line of lineNames) if (th[line] === undefined) problems.push(`${area}.${line}`);
    // Lines and thresholds must order the same way, or a band could match backwards.
    const lines = standard.lines[area];
    for (const a of lineNames)
      for (const b of lineNames) {
        const la = lines[a];
        const lb = lines[b];
        const ta = th[a];
        const tb = th[b];
        if (la !== undefined && lb !== undefined && ta !== undefined && tb !== undefined && la < lb && ta > tb) problems.push(`${area}.${a}>${b}`);
      }
  }
  if (indicatorsOf(standard).length === 0) problems.push('indicators');
  return problems;
}

export function questionScore(answer: ScoreAnswer, area: Area): number {
  return answer.score[area];
}
