import { useCallback, useMemo, useState } from 'react';
import type { FieldError, IndicatorValue, ReportOpen } from '../../../electron/contract/reports';
import { canMarkComplete, isEmptyValue, validateReport } from '../../../electron/contract/reports';

export interface ReportEditor {
  values: Record<string, IndicatorValue | undefined>;
  setValue: (id: string, value: IndicatorValue) => void;
  touch: (id: string) => void;
  errors: FieldError[];
  /** Errors to show at a field now: once it was touched, or everywhere after "show all". */
  errorsAt: (id: string) => FieldError[];
  canComplete: boolean;
  errorCount: number;
  dirty: boolean;
  showAll: () => void;
  reset: (values: Record<string, IndicatorValue>) => void;
}

/**
 * The report being filled, validated as the officer types with the same function the core
 * runs on save (electron/core/reports/validate.ts, through the contract): offline, no server.
 */
export function useReportEditor(data: ReportOpen): ReportEditor {
  const [values, setValues] = useState<Record<string, IndicatorValue | undefined>>(data.values);
  const [dirty, setDirty] = useState(false);
  // Figures already saved are shown with their errors at once; blank fields wait until touched.
  const [touched, setTouched] = useState<Set<string>>(
    () => new Set(data.report ? Object.keys(data.values).filter((k) => !isEmptyValue(data.values[k])) : []),
  );
  const [all, setAll] = useState(false);

  const errors = useMemo(
    () => validateReport(data.form, values, { targets: data.targets, communes: data.communes }),
    [data.form, data.targets, data.communes, values],
  );

  const setValue = useCallback((id: string, value: IndicatorValue) => {
    setValues((v) => ({ ...v, [id]: value }));
    setTouched((s) => (s.has(id) ? s : new Set(s).add(id)));
    setDirty(true);
  }, []);
  const touch = useCallback((id: string) => setTouched((s) => (s.has(id) ? s : new Set(s).add(id))), []);

  const errorsAt = useCallback(
    (id: string) =>
      errors.filter((e) => (e.indicatorId === id || (e.related?.includes(id) ?? false)) && (all || touched.has(id))),
    [errors, all, touched],
  );

  const reset = useCallback((next: Record<string, IndicatorValue>) => {
    setValues(next);
    setDirty(false);
  }, []);

  return {
    values,
    setValue,
    touch,
    errors,
    errorsAt,
    canComplete: canMarkComplete(errors),
    errorCount: errors.filter((e) => e.severity === 'error').length,
    dirty,
    showAll: () => setAll(true),
    reset,
  };
}
