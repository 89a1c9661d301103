import { formIndicators, type HouseholdPrefill, type PrefillSource, type ReportForm } from '../../domain/reports/form';
import { isEmptyValue, isTableValue, type ReportValues, type TableValue } from '../../domain/reports/values';

/**
 * Figures the app already knows, offered as starting values: household counts from the
 * poverty review and task counts from progress. Gathering them is the store's job; this only
 * places them. Nothing the officer typed is overwritten.
 */
export interface PrefillFacts {
  totals?: Partial<Record<PrefillSource, number>>;
  /** Per commune code, for tables with one row per commune. */
  perCommune?: Readonly<Record<string, Partial<Record<HouseholdPrefill, number>>>>;
}

export interface PrefillResult {
  values: ReportValues;
  /** Indicator ids that received at least one figure. */
  filled: string[];
}

export function prefillValues(form: ReportForm, facts: PrefillFacts, current: ReportValues = {}): PrefillResult {
  const values: ReportValues = { ...current };
  const filled: string[] = [];
  for (const ind of formIndicators(form)) {
    if (ind.prefill) {
      const v = facts.totals?.[ind.prefill];
      if (v !== undefined && isEmptyValue(values[ind.id])) {
        values[ind.id] = v;
        filled.push(ind.id);
      }
      continue;
    }
    const cols = ind.table?.columns.filter((c) => c.prefill !== undefined) ?? [];
    if (ind.table?.rows !== 'communes' || cols.length === 0 || !facts.perCommune) continue;
    const existing = values[ind.id];
    if (!isEmptyValue(existing) && !isTableValue(existing)) continue;
    const table: TableValue = isTableValue(existing) ? structuredClone(existing) : {};
    let any = false;
    for (const [commune, figures] of Object.entries(facts.perCommune)) {
      const row = (table[commune] ??= {});
      for (const col of cols) {
        const v = col.prefill ? figures[col.prefill] : undefined;
        if (v !== undefined && isEmptyValue(row[col.id])) {
          row[col.id] = v;
          any = true;
        }
      }
    }
    if (any) {
      values[ind.id] = table;
      filled.push(ind.id);
    }
  }
  return { values, filled };
}
