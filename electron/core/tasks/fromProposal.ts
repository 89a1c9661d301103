import type { NoticeProposal } from '../../domain/directives/extract/proposal';
import type { DirectiveInput, DirectiveType, TaskInput } from '../../contract/tasks';
import { fold } from '../../domain/text';

const TYPE_WORDS: Array<[string, DirectiveType]> = [
  ['thong bao ket luan', 'thongBaoKetLuan'],
  ['ke hoach', 'keHoach'],
  ['cong van', 'congVan'],
  ['quyet dinh', 'quyetDinh'],
  ['chi thi', 'chiThi'],
  ['thong bao', 'thongBao'],
];

export function directiveTypeCode(text: string | null): DirectiveType {
  const f = fold(text ?? '');
  return TYPE_WORDS.find(([w]) => f.startsWith(w))?.[1] ?? 'khac';
}

/** The extractor's proposal as an editable draft; empty where the extractor left it empty. */
export function draftFromProposal(p: NoticeProposal, fullText: string): { directive: DirectiveInput; tasks: TaskInput[] } {
  const d = p.directive;
  return {
    directive: {
      type: directiveTypeCode(d.type),
      number: d.number ?? '',
      symbol: d.symbol ?? '',
      date: d.date,
      place: d.place ?? '',
      issuingBody: d.issuingBody ?? '',
      parentBody: d.parentBody ?? '',
      title: d.title ?? '',
      signer: d.signer ?? '',
      signerTitle: d.signerTitle ?? '',
      recipients: d.recipients,
      text: fullText,
    },
    tasks: p.tasks.map((t) => ({
      field: t.field,
      content: t.content,
      assignees: t.assignees,
      assigneeGroups: t.assigneeGroups,
      partners: t.partners.filter((p) => !t.assignees.includes(p)),
      deadline: t.deadline.kind === 'none' ? { kind: 'none' } : t.deadline,
      requiredContents: t.requiredContents,
    })),
  };
}
