import { useCallback, useEffect, useRef, useState } from 'react';
import type { HouseholdClass, HouseholdFilter, HouseholdRow } from '../../../electron/contract/households';
import { call } from '../../api/client';

export const PAGE_SIZE = 200;

export interface PagedRows {
  total: number;
  yearTotal: number;
  byClass: Record<HouseholdClass, number> | null;
  loading: boolean;
  error: unknown;
  /** The row at `index`, or undefined while its page is on the way (it is then requested). */
  rowAt(index: number): HouseholdRow | undefined;
  reload(): void;
}

/**
 * Rows of the list, fetched from the core a page at a time as they scroll into view. The core
 * filters and sorts; the renderer holds only the pages it has shown, so 50,000 rows never cross
 * the bridge at once.
 */
export function usePagedRows(year: number | undefined, filter: HouseholdFilter, showIds: boolean): PagedRows {
  const [state, setState] = useState<{ total: number; yearTotal: number; byClass: Record<HouseholdClass, number> | null; loading: boolean; error: unknown }>({
    total: 0,
    yearTotal: 0,
    byClass: null,
    loading: true,
    error: null,
  });
  const pages = useRef(new Map<number, HouseholdRow[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const [, setTick] = useState(0);
  const [reloadKey, setReloadKey] = useState(0);
  const key = JSON.stringify([year, filter, showIds, reloadKey]);

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      if (year === undefined || inFlight.current.has(page)) return;
      inFlight.current.add(page);
      try {
        const res = await call('households.list', { year, filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE, showIds });
        if (gen !== generation.current) return;
        pages.current.set(page, res.rows);
        setState({ total: res.total, yearTotal: res.yearTotal, byClass: res.byClass, loading: false, error: null });
        setTick((x) => x + 1);
      } catch (error) {
        if (gen === generation.current) setState((s) => ({ ...s, loading: false, error }));
      } finally {
        if (gen === generation.current) inFlight.current.delete(page);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    inFlight.current = new Set();
    setState((s) => ({ ...s, loading: true }));
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  const rowAt = useCallback(
    (index: number): HouseholdRow | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const rows = pages.current.get(page);
      if (!rows) {
        void fetchPage(page, generation.current);
        return undefined;
      }
      return rows[index - page * PAGE_SIZE];
    },
    [fetchPage],
  );

  return { ...state, rowAt, reload: () => setReloadKey((k) => k + 1) };
}
