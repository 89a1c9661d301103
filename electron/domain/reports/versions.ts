import type { MessageKey } from '../i18n/keys';
import { AppError } from '../errors';
import {
  formIndicators,
  parseReportForm,
  type Indicator,
  type IndicatorType,
  type ReportForm,
  type ReportFormInput,
} from './form';

/**
 * Forms change; reports do not. A report keeps the (formId, version) it was filled on and is
 * opened, validated and added up with that version. Versions are linked by indicator id, so
 * an id must mean the same figure in every version: its type and unit never change (a changed
 * meaning takes a new id). Labels, bounds, required-ness and rules may change freely.
 */

export type FormChanges = Partial<Omit<ReportFormInput, 'formId' | 'version'>>;

export type VersionProblemKind = 'periodTypeChanged' | 'typeChanged' | 'unitChanged' | 'tableRowsChanged';

export interface VersionProblem {
  kind: VersionProblemKind;
  messageKey: MessageKey;
  params: Record<string, string | number>;
}

/**
 * The next version of a form: version + 1, same formId, the changes applied. `history` holds
 * earlier versions, so an id dropped in v2 cannot come back in v3 meaning something else.
 * Throws AppError (reports:versions.*) on the first incompatible change; the form editor can
 * call versionProblems() to show them all.
 */
export function newVersion(form: ReportForm, changes: FormChanges, history: readonly ReportForm[] = []): ReportForm {
  const latest = Math.max(form.version, ...history.filter((h) => h.formId === form.formId).map((h) => h.version));
  const next = parseReportForm({ ...form, ...changes, formId: form.formId, version: latest + 1 });
  const problem = [form, ...history].flatMap((prev) => (prev.formId === form.formId ? versionProblems(prev, next) : []))[0];
  if (problem) throw new AppError('REPORT_FORM_INCOMPATIBLE', problem.messageKey, problem.params);
  return next;
}

/** Why `next` could not be added up with reports on `prev`. */
export function versionProblems(prev: ReportForm, next: ReportForm): VersionProblem[] {
  const out: VersionProblem[] = [];
  const problem = (kind: VersionProblemKind, params: Record<string, string | number>): void => {
    out.push({ kind, messageKey: `reports:versions.${kind}`, params });
  };
  if (prev.periodType !== next.periodType) problem('periodTypeChanged', { from: prev.periodType, to: next.periodType });
  const before = new Map(formIndicators(prev).map((i) => [i.id, i]));
  for (const ind of formIndicators(next)) {
    const old = before.get(ind.id);
    if (!old) continue;
    const base = { indicatorId: ind.id, label: ind.label, version: prev.version };
    if (old.type !== ind.type) problem('typeChanged', { ...base, from: old.type, to: ind.type });
    else if (old.unit !== ind.unit) problem('unitChanged', { ...base, from: old.unit, to: ind.unit });
    if (!old.table || !ind.table) continue;
    if ((old.table.rows === 'communes') !== (ind.table.rows === 'communes')) problem('tableRowsChanged', base);
    const oldCols = new Map(old.table.columns.map((c) => [c.id, c]));
    for (const col of ind.table.columns) {
      const was = oldCols.get(col.id);
      const colBase = { ...base, column: col.id, label: `${ind.label} / ${col.label}` };
      if (was && was.type !== col.type) problem('typeChanged', { ...colBase, from: was.type, to: col.type });
      else if (was && was.unit !== col.unit) problem('unitChanged', { ...colBase, from: was.unit, to: col.unit });
    }
  }
  return out;
}

export interface VersionDiff {
  added: string[];
  removed: string[];
  /** Same id, different definition (label, bounds, required...). */
  changed: string[];
}

export function diffVersions(prev: ReportForm, next: ReportForm): VersionDiff {
  const before = new Map(formIndicators(prev).map((i) => [i.id, i]));
  const after = new Map(formIndicators(next).map((i) => [i.id, i]));
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after.keys()].filter((id) => {
      const b = before.get(id);
      return b !== undefined && JSON.stringify(b) !== JSON.stringify(after.get(id));
    }),
  };
}

export function findFormVersion(forms: readonly ReportForm[], formId: string, version: number): ReportForm | undefined {
  return forms.find((f) => f.formId === formId && f.version === version);
}

export function latestForm(forms: readonly ReportForm[], formId: string): ReportForm | undefined {
  let best: ReportForm | undefined;
  for (const f of forms) if (f.formId === formId && (!best || f.version > best.version)) best = f;
  return best;
}

/** Newest first; the sort is stable, so forms of equal version keep the caller's order. */
function newestFirst(forms: readonly ReportForm[]): ReportForm[] {
  return [...forms].sort((a, b) => b.version - a.version);
}

/**
 * The union of indicators over versions, each with its newest definition, in the newest
 * version's order; indicators found only in older versions follow.
 */
export function indicatorsAcrossVersions(forms: readonly ReportForm[]): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const f of newestFirst(forms)) for (const ind of formIndicators(f)) if (!seen.has(ind.id)) seen.set(ind.id, ind);
  return [...seen.values()];
}

/** Note shown where a report's version lacks an indicator: "không có trong mẫu phiên bản N". */
export function notInVersionNote(version: number): { messageKey: string; params: { version: number } } {
  return { messageKey: 'reports:versions.notInVersion', params: { version } };
}

/** The same note as plain Vietnamese, for print and Excel (matches the vi locale). */
export function notInVersionVi(version: number): string {
  return `không có trong mẫu phiên bản ${version}`;
}

export interface CatalogueEntry {
  id: string;
  /** Newest definition's label, type and unit. */
  label: string;
  type: IndicatorType;
  unit: string;
  /** Where it appears: per form, the versions that have it, ascending. */
  forms: { formId: string; versions: number[] }[];
}

export interface CatalogueConflict {
  id: string;
  /** Definitions that disagree on type or unit: these cannot be added up together. */
  uses: { formId: string; version: number; type: IndicatorType; unit: string }[];
}

export interface IndicatorCatalogue {
  entries: CatalogueEntry[];
  conflicts: CatalogueConflict[];
}

/**
 * Every indicator id used by any form and version: the list targets are entered against and
 * the Sở picks from for charts across periods. An id used with two types or units (only
 * possible across different forms, since newVersion forbids it within one) is a conflict.
 */
export function indicatorCatalogue(forms: readonly ReportForm[]): IndicatorCatalogue {
  const entries = new Map<string, CatalogueEntry>();
  const uses = new Map<string, CatalogueConflict['uses']>();
  for (const f of newestFirst(forms)) {
    for (const ind of formIndicators(f)) {
      let entry = entries.get(ind.id);
      if (!entry) {
        entry = { id: ind.id, label: ind.label, type: ind.type, unit: ind.unit, forms: [] };
        entries.set(ind.id, entry);
      }
      let perForm = entry.forms.find((x) => x.formId === f.formId);
      if (!perForm) {
        perForm = { formId: f.formId, versions: [] };
        entry.forms.push(perForm);
      }
      if (!perForm.versions.includes(f.version)) perForm.versions.push(f.version);
      const list = uses.get(ind.id) ?? [];
      list.push({ formId: f.formId, version: f.version, type: ind.type, unit: ind.unit });
      uses.set(ind.id, list);
    }
  }
  for (const e of entries.values()) for (const x of e.forms) x.versions.sort((a, b) => a - b);
  const conflicts: CatalogueConflict[] = [];
  for (const [id, list] of uses) {
    if (new Set(list.map((u) => `${u.type}|${u.unit}`)).size > 1) conflicts.push({ id, uses: list });
  }
  return { entries: [...entries.values()], conflicts };
}
