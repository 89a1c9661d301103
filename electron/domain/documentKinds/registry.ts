import type { z } from 'zod';
import { DOC_KINDS, type Doc, type DocKind } from '../document';
import { CommuneDocDataSchema, HouseholdDocDataSchema, PovertyStandardDocDataSchema, ScoreTableDocDataSchema } from './households';
import { ConflictDataSchema, OrgUnitDataSchema, ReceiptDataSchema, ReservedDataSchema } from './local';
import { TransportDataSchema } from './transport';
import { ReportDataSchema, ReportFormDataSchema, ReportReviewDataSchema, TargetDataSchema } from './reports';
import {
  AttachmentDataSchema,
  AuditDataSchema,
  DirectiveDataSchema,
  FieldDataSchema,
  ProgressDataSchema,
  ReviewDataSchema,
  TaskDataSchema,
} from './tasks';

/**
 * One entry per document kind: what its data looks like, who may write it, whether and to
 * whom it travels, how its id is formed, how many shard files hold it. Authority, sync
 * selection, the store layout and the store's write check all read this table; nothing else
 * lists kinds (DOC_KINDS in document.ts only names them, and the table must cover each name).
 */

/** 'local': this installation's own bookkeeping, never sent. */
export type Writers = 'so' | 'office' | 'soAndOffice' | 'local';

/**
 * What the Sở sends an office: 'all' (every office), 'assigned' (tasks assigned to it and
 * their directives; sync/select.ts), 'named' (documents whose data.office is that office).
 */
export type SoSends = 'all' | 'assigned' | 'named' | null;

export interface KindSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  writers: Writers;
  soSends: SoSends;
  /** Shard files of the kind (store/layout.ts): ~100 KB each at the expected size. */
  shards: number;
  /**
   * The office an id names as its owner, for kinds whose ids are derived from the owning
   * office (one record per office and task, year…); undefined for a malformed id. Absent
   * when ids are random (uuid) or name the office a Sở record is about, not its writer.
   */
  ownerInId?: (id: string) => string | undefined;
  /** A data field that must name the owner too (views look records up by it). */
  ownerField?: 'office';
}

const match = (re: RegExp) => (id: string): string | undefined => re.exec(id)?.[1];

const kinds = {
  // The Sở's.
  directive: { schema: DirectiveDataSchema, writers: 'so', soSends: 'assigned', shards: 4 },
  task: { schema: TaskDataSchema, writers: 'so', soSends: 'assigned', shards: 8 },
  review: { schema: ReviewDataSchema, writers: 'so', soSends: 'named', shards: 8 },
  field: { schema: FieldDataSchema, writers: 'so', soSends: 'all', shards: 1 },
  reportForm: { schema: ReportFormDataSchema, writers: 'so', soSends: 'all', shards: 1 },
  target: { schema: TargetDataSchema, writers: 'so', soSends: 'named', shards: 4 },
  reportReview: { schema: ReportReviewDataSchema, writers: 'so', soSends: 'named', shards: 4 },
  orgUnit: { schema: OrgUnitDataSchema, writers: 'so', soSends: 'all', shards: 1 },
  // Ids name the writer and the standard: povertyStandard:<Sở code>:<standard id>.
  povertyStandard: { schema: PovertyStandardDocDataSchema, writers: 'so', soSends: 'all', shards: 1, ownerInId: match(/^povertyStandard:([A-Z0-9_-]{2,32}):[a-z0-9][a-z0-9-]{1,39}$/) },
  // Both: each office audits its own edits.
  audit: { schema: AuditDataSchema, writers: 'soAndOffice', soSends: null, shards: 32 },
  // The offices'. Task ids are uuids (no "_"), sha256 is hex: the office is unambiguous.
  progress: { schema: ProgressDataSchema, writers: 'office', soSends: null, shards: 16, ownerInId: match(/^pr_[^_]+_([A-Z0-9_-]{2,32})$/), ownerField: 'office' },
  attachment: { schema: AttachmentDataSchema, writers: 'office', soSends: null, shards: 8, ownerInId: match(/^at_([A-Z0-9_-]{2,32})_[0-9a-f]{64}$/) },
  report: { schema: ReportDataSchema, writers: 'office', soSends: null, shards: 8, ownerInId: match(/^rp_[^_]+_[^_]+_([A-Z0-9_-]{2,32})$/), ownerField: 'office' },
  household: { schema: HouseholdDocDataSchema, writers: 'office', soSends: null, shards: 512, ownerInId: match(/^household:([A-Z0-9_-]{2,32}):\d{4}:.+$/) },
  commune: { schema: CommuneDocDataSchema, writers: 'office', soSends: null, shards: 4, ownerInId: match(/^commune:([A-Z0-9_-]{2,32}):.+$/), ownerField: 'office' },
  // Either's; the Sở's goes to every office. Ids name the writer: scoreTable:<office>:<table id>.
  scoreTable: { schema: ScoreTableDocDataSchema, writers: 'soAndOffice', soSends: 'all', shards: 1, ownerInId: match(/^scoreTable:([A-Z0-9_-]{2,32}):[a-z0-9-]+$/) },
  // This PC's.
  conflict: { schema: ConflictDataSchema, writers: 'local', soSends: null, shards: 4 },
  receipt: { schema: ReceiptDataSchema, writers: 'local', soSends: null, shards: 8 },
  peer: { schema: ReservedDataSchema, writers: 'local', soSends: null, shards: 1 },
  setting: { schema: ReservedDataSchema, writers: 'local', soSends: null, shards: 1 },
  transport: { schema: TransportDataSchema, writers: 'local', soSends: null, shards: 1 },
} as const satisfies { [K in DocKind]: KindSpec };

export const DOCUMENT_KINDS: { readonly [K in DocKind]: (typeof kinds)[K] & KindSpec } = kinds;

/** The data of a document of kind K, as its schema reads it. */
export type DataOf<K extends DocKind> = z.output<(typeof kinds)[K]['schema']>;

export function kindSpec(kind: DocKind): KindSpec {
  return DOCUMENT_KINDS[kind];
}

const kindsWhere = (pred: (s: KindSpec) => boolean): ReadonlySet<DocKind> => new Set(DOC_KINDS.filter((k) => pred(DOCUMENT_KINDS[k])));

/** Never travel. */
export const LOCAL_KINDS = kindsWhere((s) => s.writers === 'local');
/** What the Sở writes. */
export const SO_KINDS = kindsWhere((s) => s.writers === 'so' || s.writers === 'soAndOffice');
/** What a district office (or another unit working as an office) writes. */
export const OFFICE_KINDS = kindsWhere((s) => s.writers === 'office' || s.writers === 'soAndOffice');
/** What an office receives from the Sở. */
export const SO_TO_OFFICE_KINDS = kindsWhere((s) => s.soSends !== null);
/** …of which only the documents naming that office in data.office. */
export const PER_OFFICE_KINDS = kindsWhere((s) => s.soSends === 'named');

/** Why a document does not fit its kind: the field (dotted path) and what is wrong. */
export interface ShapeProblem {
  problem: 'shape' | 'id' | 'idNotOwners';
  field: string;
}

/**
 * Null when the document's data fits its kind and its id (and office field) names its owner;
 * otherwise the first problem. Pure; the store and bundle import turn it into their refusals.
 */
export function checkDocument(doc: Pick<Doc, 'id' | 'kind' | 'owner' | 'data'>): ShapeProblem | null {
  // A bundle's documents are checked by the import plan and again by the store that writes
  // them: the same (never mutated) version object is checked once, which saves ~20 µs a household.
  if (passed.has(doc)) return null;
  const problem = problemOf(doc);
  if (!problem) passed.add(doc);
  return problem;
}

const passed = new WeakSet<object>();

function problemOf(doc: Pick<Doc, 'id' | 'kind' | 'owner' | 'data'>): ShapeProblem | null {
  const spec = kindSpec(doc.kind);
  const parsed = spec.schema.safeParse(doc.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: 'shape', field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(data)' };
  }
  if (spec.ownerInId) {
    const named = spec.ownerInId(doc.id);
    if (named === undefined) return { problem: 'id', field: 'id' };
    if (named !== doc.owner) return { problem: 'idNotOwners', field: 'id' };
  }
  if (spec.ownerField && doc.data[spec.ownerField] !== doc.owner) return { problem: 'idNotOwners', field: spec.ownerField };
  return null;
}

/** The data read through the kind's schema (defaults filled); undefined when it does not fit. */
export function parseData<K extends DocKind>(kind: K, data: unknown): DataOf<K> | undefined {
  const parsed = DOCUMENT_KINDS[kind].schema.safeParse(data);
  return parsed.success ? (parsed.data as DataOf<K>) : undefined;
}
