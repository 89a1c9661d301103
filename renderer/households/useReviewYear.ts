import { useCallback, useState } from 'react';
import { reviewYearRange } from '../../electron/contract/households';

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

/** Years offered: 2021-2030 (every year the app can be used for), those with records, the current one. */
export function yearOptions(years: readonly number[], current: number | undefined): number[] {
  const set = new Set([...reviewYearRange(), ...years]);
  if (current !== undefined) set.add(current);
  return [...set].sort((a, b) => b - a);
}
