import { z } from 'zod';

/**
 * What is known of the report forms of Thông tư 07/2021/TT-BLĐTBXH (Phụ lục VII, "Mẫu số 7.x",
 * as amended by Thông tư 02/2022), kept as cited data in tt07-forms.json. A form enters `forms`
 * only with its number, title and every column read from a cited page; until then nothing in
 * the app prints or exports a table under that form's name. Forms read elsewhere (another
 * period, a page that names no circular) go to `seenElsewhere` with the reason they are not used,
 * so the official form can be compared with them when it is found.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);
const Url = z.string().url().max(500);

export const CitationSchema = z.object({ value: Text(2000), document: Text(500), readOn: Url }).strict();
export type Citation = z.infer<typeof CitationSchema>;

/** A column header as printed; a group header has its sub-columns (two or more, else it is not a group). */
export interface FormHeader {
  label: string;
  children?: FormHeader[];
}
export const FormHeaderSchema: z.ZodType<FormHeader> = z.lazy(() =>
  z.object({ label: Text(300), children: z.array(FormHeaderSchema).min(2).max(40).optional() }).strict(),
);

/** The leaf columns left to right, each as the path of headers above it ("Số hộ cận nghèo cuối năm › Tỷ lệ %"). */
export function leafColumns(headers: readonly FormHeader[], above: readonly string[] = []): string[][] {
  return headers.flatMap((h) => (h.children ? leafColumns(h.children, [...above, h.label]) : [[...above, h.label]]));
}

/** Header rows the form needs (1 for a flat form). */
export function headerDepth(headers: readonly FormHeader[]): number {
  return Math.max(0, ...headers.map((h) => 1 + (h.children ? headerDepth(h.children) : 0)));
}

/** A form of the circular read column for column. */
export const OfficialFormSchema = z
  .object({
    number: z.string().regex(/^Mẫu số 7\.\d{1,2}$/),
    title: Text(300),
    /** The text the columns were read from: the circular, its amendment or the consolidated text. */
    document: Text(500),
    readOn: Url,
    columns: z.array(FormHeaderSchema).min(2).max(60),
  })
  .strict();
export type OfficialForm = z.infer<typeof OfficialFormSchema>;

/** A form read on a page that is not (or not shown to be) the circular's; never built. */
export const SeenFormSchema = z
  .object({
    title: Text(300),
    label: Text(80),
    attachedTo: Text(300),
    readOn: Url,
    notUsedBecause: Text(1000),
    columns: z.array(FormHeaderSchema).min(2).max(60),
    /** Figure cells per row on the page, after the row number and the unit's name. */
    dataCellsPerRow: z.number().int().min(1).max(100),
    rows: z.array(Text(200)).min(1),
    readingNote: Text(1000),
    gapsAgainstTheSummary: z.array(Text(500)),
  })
  .strict()
  .refine((f) => leafColumns(f.columns).length === f.dataCellsPerRow + 2, {
    message: 'the column tree must give the page’s figure cells plus the row number and unit columns',
  });
export type SeenForm = z.infer<typeof SeenFormSchema>;

export const FormsResearchSchema = z
  .object({
    id: z.literal('tt07-forms'),
    legalBasis: Text(500),
    complete: z.boolean(),
    status: Text(1000),
    appendix: z.object({ facts: z.array(CitationSchema).min(1), unknown: z.array(Text(500)) }).strict(),
    forms: z.array(OfficialFormSchema),
    missing: z.array(Text(500)),
    communeLists: CitationSchema,
    seenElsewhere: z.array(SeenFormSchema),
    predecessor: z.object({ value: Text(2000), readOn: z.array(Url).min(1) }).strict(),
    searched: z
      .object({
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        note: Text(1000),
        queries: z.array(z.object({ corpus: Text(40), query: Text(400) }).strict()).min(1),
      })
      .strict(),
  })
  .strict()
  // "Complete" means every form is read and nothing is missing; a file with no form is never complete.
  .refine((f) => !f.complete || (f.forms.length > 0 && f.missing.length === 0), { message: 'complete needs forms and nothing missing' })
  .refine((f) => new Set(f.forms.map((x) => x.number)).size === f.forms.length, { message: 'a form number is listed twice' });
export type FormsResearch = z.infer<typeof FormsResearchSchema>;
