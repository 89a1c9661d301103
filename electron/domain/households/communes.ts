import { z } from 'zod';
import { fold } from '../text';
import communes2022 from '../profiles/lang-son-communes-2022.json' with { type: 'json' };
import type { Area } from './standards/schema';

/**
 * Communes (xã / phường / thị trấn) and villages (thôn / khối / bản / tổ dân phố) under a
 * district office. The tree changes (communes merged in 2019-2020, again in 2025), so it is
 * data the office keeps and imports, never code.
 */

export const CommuneKindSchema = z.enum(['xa', 'phuong', 'thiTran']);
export type CommuneKind = z.infer<typeof CommuneKindSchema>;

export const VillageKindSchema = z.enum(['thon', 'ban', 'khoi', 'toDanPho', 'lang']);
export type VillageKind = z.infer<typeof VillageKindSchema>;

const CodeSchema = z.string().regex(/^[A-Z0-9_-]{2,48}$/);

export const VillageSchema = z.object({
  code: CodeSchema,
  name: z.string().trim().min(1),
  kind: VillageKindSchema.default('thon'),
});
export type Village = z.infer<typeof VillageSchema>;

export const CommuneSchema = z.object({
  code: CodeSchema,
  /** Name without the kind: "Tràng Các", not "Xã Tràng Các". */
  name: z.string().trim().min(1),
  kind: CommuneKindSchema,
  /** Mã đơn vị hành chính (5 digits) when the office knows it. */
  officialCode: z.string().regex(/^\d{5}$/).optional(),
  aliases: z.array(z.string()).default([]),
  /** Empty when the office has not entered its villages; village names are then free text. */
  villages: z.array(VillageSchema).default([]),
  /**
   * Tổng số hộ dân cư of the commune by year ("2025": 12450): the base of the poverty rate.
   * The official summary forms divide by all households of the unit, never by the households
   * on the review list (a town with one listed poor household is not 100 % poor).
   */
  totalHouseholds: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0).max(10_000_000)).default({}),
});
export type Commune = z.infer<typeof CommuneSchema>;

export const CommuneTreeSchema = z
  .object({
    /** District office code from the org profile (e.g. "VANQUAN"). */
    office: z.string().min(1),
    /** Sample data shipped with the app, to be replaced by the office's own list. */
    sample: z.boolean().default(false),
    source: z.string().optional(),
    communes: z.array(CommuneSchema),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.communes.forEach((c, i) => {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['communes', i, 'code'], message: `duplicate ${c.code}` });
      seen.add(c.code);
    });
  });
export type CommuneTree = z.infer<typeof CommuneTreeSchema>;

const KIND_LABEL: Record<CommuneKind, string> = { xa: 'Xã', phuong: 'Phường', thiTran: 'Thị trấn' };

/** "Xã Tràng Các", "Thị trấn Văn Quan". */
export function communeLabel(c: Pick<Commune, 'name' | 'kind'>): string {
  return `${KIND_LABEL[c.kind]} ${c.name}`;
}

/**
 * Urban or rural for the poverty standard: phường and thị trấn are khu vực thành thị, xã is
 * nông thôn (the statistical definition the standard uses). The household form can override.
 */
export function communeArea(c: Pick<Commune, 'kind'>): Area {
  return c.kind === 'xa' ? 'rural' : 'urban';
}

const COMMUNE_PREFIX = /^(xa|phuong|thi tran|tt|p|x)\.? +/;
const VILLAGE_PREFIX = /^(thon|ban|khoi|to dan pho|tdp|to|lang|xom)\.? +/;
/** Section numbering offices put before a commune heading: "I.", "2-", "a)". */
const NUMBERING = /^([ivxlc]+|\d+|[a-z])[.)\-:] *|^\d+ +/;

function communeKeys(c: Commune): string[] {
  return [c.name, communeLabel(c), c.code, ...(c.officialCode ? [c.officialCode] : []), ...c.aliases].map((k) =>
    fold(k).replace(COMMUNE_PREFIX, ''),
  );
}

/** Finds communes by what people write: "Tràng Các", "xã Tràng Các", "TT Văn Quan", a code. */
export class CommuneIndex {
  private readonly byKey = new Map<string, Commune>();

  constructor(readonly communes: readonly Commune[]) {
    for (const c of communes) for (const k of communeKeys(c)) if (!this.byKey.has(k)) this.byKey.set(k, c);
  }

  find(text: string): Commune | undefined {
    const key = fold(text).replace(COMMUNE_PREFIX, '');
    return this.byKey.get(key) ?? this.byKey.get(fold(text));
  }

  /** A heading such as "I. Xã Tràng Các" or "2. Thị trấn Văn Quan" (not a bare name). */
  findHeading(text: string): Commune | undefined {
    const folded = fold(text);
    const unnumbered = folded.replace(NUMBERING, '');
    if (unnumbered === folded && !COMMUNE_PREFIX.test(folded)) return undefined;
    return this.find(unnumbered);
  }

  byCode(code: string): Commune | undefined {
    return this.communes.find((c) => c.code === code);
  }
}

/** The village's canonical name in the commune's list, or undefined when not in it. */
export function findVillage(commune: Commune, text: string): Village | undefined {
  const key = fold(text).replace(VILLAGE_PREFIX, '');
  return commune.villages.find((v) => fold(v.name).replace(VILLAGE_PREFIX, '') === key);
}

/**
 * The communes, wards and towns of all 11 district-level units of Lạng Sơn as they stood at the
 * 2022 review (200 units, with official codes), from the cited list in
 * profiles/lang-son-communes-2022.json (Tổng cục Thống kê, 01/10/2022; Nghị quyết 818/NQ-UBTVQH14).
 * It replaced a partial sample that still held three communes merged away in 2020 (Văn An,
 * Việt Yên, Tô Hiệu). An office loads it in one click, then adds villages or imports its own.
 */
export const SAMPLE_COMMUNE_TREES: readonly CommuneTree[] = z.array(CommuneTreeSchema).parse(communes2022.trees);

/** The commune's total households in `year`, or undefined when nobody entered it. */
export function householdsOfCommune(c: Pick<Commune, 'totalHouseholds'>, year: number): number | undefined {
  return c.totalHouseholds?.[String(year)];
}

export function sampleCommunes(office: string): Commune[] {
  return SAMPLE_COMMUNE_TREES.find((t) => t.office === office)?.communes ?? [];
}
