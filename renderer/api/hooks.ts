import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpName, Input, Output } from '../../electron/contract';
import { ApiError, call } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Load one operation's result, reloading when the serialised input changes. */
export function useQuery<K extends OpName>(name: K, input: Input<K>, deps: unknown[] = []): QueryState<Output<K>> {
  const [data, setData] = useState<Output<K>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await call(name, JSON.parse(key) as Input<K>);
      if (mine === seq.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', messageKey: 'common:errors.INTERNAL', params: {} }));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, ...deps]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
