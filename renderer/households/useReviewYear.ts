import { useCallback, useState } from 'react';
import { standardIdForYear } from '../../electron/contract/households';

const KEY = 'soviec.households.year';

/** The review year the household screens show, kept while the app runs (list, form, summary). */
export function useReviewYear(fallback: number | undefined): [number | undefined, (y: number) => void] {
  const [year, setYearState] = useState<number | undefined>(() => {
    const v = Number(sessionStorage.getItem(KEY));
    return Number.isInteger(v) && v > 2000 ? v : undefined;
  });
  const setYear = useCallback((y: number) => {
    sessionStorage.setItem(KEY, String(y));
    setYearState(y);
  }, []);
  return [year ?? fallback, setYear];
}

/** Years offered: those with records, the current one, and every year a poverty standard covers. */
export function yearOptions(years: readonly number[], current: number | undefined): number[] {
  const set = new Set(years);
  if (current !== undefined) set.add(current);
  for (let y = 2016; y <= 2030; y++) if (standardIdForYear(y)) set.add(y);
  return [...set].sort((a, b) => b - a);
}
