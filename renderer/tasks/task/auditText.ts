import type { TFunction } from 'i18next';
import type { AuditEntry, ProgressStatus, ReviewOutcome } from '../../../electron/contract/tasks';
import { PROGRESS_STATUSES } from '../../../electron/contract/tasks';
import { formatDate } from '../../i18n/format';
import type { Deadline } from '../../../electron/contract/tasks';
import { deadlineLabel, reviewLabel, statusLabel } from '../labels';

/** Readable name of a changed field ("requiredContents.Mục tiêu" -> "Nội dung bắt buộc: Mục tiêu"). */
export function auditFieldLabel(t: TFunction, field: string): string {
  const [head, ...rest] = field.split('.');
  const sub = rest.join('.');
  switch (head) {
    case 'status':
      return t('tasks:audit.fields.status');
    case 'percent':
      return t('tasks:audit.fields.percent');
    case 'narrative':
      return t('tasks:audit.fields.narrative');
    case 'reason':
      return t('tasks:audit.fields.reason');
    case 'figures':
      return t('tasks:audit.fields.figures');
    case 'requiredContents':
      return sub ? t('tasks:audit.fields.requiredContent', { name: sub }) : t('tasks:audit.fields.requiredContents');
    case 'attachmentNames':
      return t('tasks:audit.fields.attachments');
    case 'outcome':
      return t('tasks:audit.fields.outcome');
    case 'comment':
      return t('tasks:audit.fields.comment');
    case 'content':
      return t('tasks:audit.fields.content');
    case 'assignees':
      return t('tasks:audit.fields.assignees');
    case 'deadline':
      if (sub === 'kind') return t('tasks:audit.fields.deadlineKind');
      if (sub === 'text') return t('tasks:audit.fields.deadlineText');
      return t('tasks:audit.fields.deadline');
    case 'field':
      return t('tasks:audit.fields.field');
    case 'title':
      return t('tasks:meta.title');
    case 'number':
      return t('tasks:meta.number');
    case 'symbol':
      return t('tasks:meta.symbol');
    case 'date':
      return t('tasks:meta.date');
    case 'signer':
      return t('tasks:meta.signer');
    case 'signerTitle':
      return t('tasks:meta.signerTitle');
    case 'recipients':
      return t('tasks:meta.recipients');
    case 'type':
      return t('tasks:meta.type');
    default:
      return field;
  }
}

const MAX = 160;
const clip = (v: string): string => (v.length > MAX ? `${v.slice(0, MAX)}…` : v);

/** A stored value as the officer reads it: status words, dates dd/mm/yyyy, office names, short. */
export interface AuditNames {
  office: (code: string) => string;
  field: (code: string) => string;
}

function parse(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export function auditValue(t: TFunction, field: string, value: string, names: AuditNames): string {
  if (value === '' || value === '[]') return t('tasks:audit.empty');
  if (field === 'field') return names.field(value);
  if (field === 'deadline' && value.startsWith('{')) {
    const d = parse(value) as Deadline | undefined;
    if (d && typeof d === 'object' && 'kind' in d) {
      const words = d.kind !== 'none' && d.text ? ` ("${d.text}")` : '';
      return `${deadlineLabel(t, d)}${words}`;
    }
  }
  if (field === 'status' && PROGRESS_STATUSES.includes(value as ProgressStatus)) return statusLabel(t, value as ProgressStatus);
  if (field === 'outcome' && (value === 'accepted' || value === 'returned')) return reviewLabel(t, value as ReviewOutcome);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (field === 'deadline.kind') {
    if (value === 'ongoing') return t('tasks:deadline.ongoing');
    if (value === 'none') return t('tasks:deadline.none');
    if (value === 'date') return t('tasks:deadline.date');
    if (value === 'recurring') return t('tasks:deadline.recurring');
  }
  const list = value.startsWith('[') ? parse(value) : undefined;
  if (Array.isArray(list)) {
    if (field === 'assignees') return list.map((c) => names.office(String(c))).join(', ');
    if (field === 'figures') return (list as Array<{ label: string; value: number; unit: string }>).map((r) => `${r.label}: ${r.value} ${r.unit}`.trim()).join('; ');
    if (list.every((x) => typeof x === 'string')) return clip(list.join('; '));
  }
  return clip(value);
}

export function auditActionLabel(t: TFunction, e: AuditEntry): string {
  const target =
    e.targetKind === 'progress'
      ? t('tasks:audit.targets.progress')
      : e.targetKind === 'review'
        ? t('tasks:audit.targets.review')
        : e.targetKind === 'task'
          ? t('tasks:audit.targets.task')
          : t('tasks:audit.targets.directive');
  if (e.action === 'create') return t('tasks:audit.create', { target });
  if (e.action === 'delete') return t('tasks:audit.delete', { target });
  return t('tasks:audit.update', { target });
}

type Change = AuditEntry['changes'][number];

function asRecord(v: string): Record<string, unknown> | null {
  if (!v.startsWith('{')) return null;
  try {
    const o = JSON.parse(v) as unknown;
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isBlank = (v: string): boolean => v === '' || v === '[]' || v === '{}' || v === 'null';

/**
 * Changes as the officer reads them: a record stored whole (the first save of the required
 * contents) becomes one line per item, and a new document does not list its empty fields.
 */
export function readableChanges(e: AuditEntry): Change[] {
  const out: Change[] = [];
  for (const c of e.changes) {
    const whole = c.field === 'deadline';
    const from = whole ? null : asRecord(c.from);
    const to = whole ? null : asRecord(c.to);
    if ((from || isBlank(c.from)) && (to || isBlank(c.to)) && (from || to)) {
      const keys = new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})]);
      for (const k of keys) {
        const a = from?.[k] === undefined ? '' : String(from[k]);
        const b = to?.[k] === undefined ? '' : String(to[k]);
        if (a !== b) out.push({ field: `${c.field}.${k}`, from: a, to: b });
      }
      continue;
    }
    if (e.action === 'create' && isBlank(c.to)) continue;
    out.push(c);
  }
  return out;
}
