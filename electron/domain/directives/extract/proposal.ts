import { z } from 'zod';
import { DeadlineSchema, IsoDateSchema } from '../deadlineSchema';
import { ExtractWarningSchema } from './warnings';

/** The directive's official metadata as read from the notice; null where not found. */
export const DirectiveProposalSchema = z.object({
  /** "Thông báo kết luận", "Kế hoạch", "Công văn", "Quyết định", "Thông báo", ... */
  type: z.string().nullable(),
  /** "12"; null when the notice leaves it blank ("Số: /TB-SLĐTBXH"). */
  number: z.string().nullable(),
  /** "TB-SLĐTBXH". */
  symbol: z.string().nullable(),
  date: IsoDateSchema.nullable(),
  place: z.string().nullable(),
  /** Trích yếu; for a công văn the text after "V/v". */
  title: z.string().nullable(),
  signer: z.string().nullable(),
  /** "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG". */
  signerTitle: z.string().nullable(),
  /** Nơi nhận lines without the leading "- " and trailing ";". */
  recipients: z.array(z.string()),
  /** Kính gửi lines (công văn). */
  addressees: z.array(z.string()),
  issuingBody: z.string().nullable(),
  /** Cơ quan chủ quản printed above the issuing body ("UBND TỈNH LẠNG SƠN"). */
  parentBody: z.string().nullable(),
  /** Profile unit code of the issuing body. */
  issuerUnit: z.string().nullable(),
  /** Profile unit code of the drafting division (from the symbol or "Lưu: VT, KH-TC"). */
  draftingUnit: z.string().nullable(),
});
export type DirectiveProposal = z.infer<typeof DirectiveProposalSchema>;

export const AssigneeSourceSchema = z.enum(['task', 'heading', 'notice', 'none']);
export type AssigneeSource = z.infer<typeof AssigneeSourceSchema>;

export const TaskProposalSchema = z.object({
  /** Profile field code. */
  field: z.string().nullable(),
  /** Field codes to offer when `field` is null because several fit. */
  fieldCandidates: z.array(z.string()),
  /** The lĩnh vực heading the task sits under (or starts with). */
  fieldHeading: z.string().nullable(),
  content: z.string(),
  /** Unit codes, groups expanded, in profile order. */
  assignees: z.array(z.string()),
  /** Group codes the assignees came from (ALL_DISTRICTS ...). */
  assigneeGroups: z.array(z.string()),
  /** Where the assignees were read: the task, a heading above it, the notice's general request. */
  assigneeSource: AssigneeSourceSchema,
  /**
   * The unit that must act (chủ trì) as the notice writes it, profile unit or not: from the item,
   * else the lead-in above it ("1. Giao Sở …:"), else the single Kính gửi addressee; null if none.
   */
  lead: z.string().nullable(),
  /** Units named as partners ("phối hợp với ..."): not assignees. */
  partners: z.array(z.string()),
  deadline: DeadlineSchema,
  /** "trước ngày X": the day X as written (the deadline's date is X − 1); null otherwise. */
  beforeDay: IsoDateSchema.nullable().default(null),
  requiredContents: z.array(z.string()),
});
export type TaskProposal = z.infer<typeof TaskProposalSchema>;

export const NoticeProposalSchema = z.object({
  directive: DirectiveProposalSchema,
  tasks: z.array(TaskProposalSchema),
  warnings: z.array(ExtractWarningSchema),
});
export type NoticeProposal = z.infer<typeof NoticeProposalSchema>;
