import { createContext, useContext } from 'react';
import type { AppState, Session } from '../../electron/contract/app';

export interface AppContextValue {
  state: AppState;
  setState: (s: AppState) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppState(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('AppContext missing');
  return v;
}

/** The signed-in office; only used below the first-run gate. */
export function useSession(): Session {
  const s = useAppState().state.session;
  if (!s) throw new Error('no session');
  return s;
}
