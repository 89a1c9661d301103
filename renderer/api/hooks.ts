import { QueryClient, keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { OpName, Input, Output } from '../../electron/contract';
import { ApiError, call } from './client';

/*
 * Every data call of the UI goes through useOpQuery / useOpMutation below, with three deliberate
 * exceptions that call the client directly: households/list/usePagedRows (scroll-driven random
 * access into pages of 200 rows, which useInfiniteQuery does not model), the household form's
 * one-time load (a refetch after saving must not overwrite what the officer is typing), and
 * main.tsx reading the app state once before React starts.
 */

/** The features whose ops share data: a write in one marks that family's cached reads stale. */
export type OpFamily = 'app' | 'households' | 'reports' | 'tasks' | 'sync';

const FAMILY_OF_PREFIX: Readonly<Record<string, OpFamily>> = {
  app: 'app',
  households: 'households',
  reports: 'reports',
  sync: 'sync',
  dialog: 'sync',
  fields: 'tasks',
  directives: 'tasks',
  tasks: 'tasks',
  progress: 'tasks',
  attachments: 'tasks',
  reviews: 'tasks',
  dashboard: 'tasks',
  search: 'tasks',
  exports: 'tasks',
  // The inbox reads tasks, reports and sync state: every write marks the sync family stale.
  inbox: 'sync',
  reminders: 'sync',
};

export function familyOf(name: OpName): OpFamily {
  const family = FAMILY_OF_PREFIX[name.slice(0, name.indexOf('.'))];
  // A new op prefix must be given a family here; failing loudly beats a view that never refreshes.
  if (!family) throw new Error(`op ${name} has no query family`);
  return family;
}

/**
 * What a write in each family changes besides its own reads. Reports read household facts;
 * every stored record changes what sync would send; sync (import, key cards, peers, conflicts)
 * and app (setup, language) change what every view shows.
 */
const ALSO_STALE: Readonly<Record<OpFamily, readonly OpFamily[] | 'all'>> = {
  households: ['reports', 'sync'],
  reports: ['sync'],
  tasks: ['sync'],
  sync: 'all',
  app: 'all',
};

/** Ops run on demand (a button) that change nothing stored: they invalidate no cached read. */
const READ_ONLY: ReadonlySet<OpName> = new Set<OpName>([
  'app.units.template',
  'attachments.get',
  'directives.extract',
  'directives.extractFile',
  'dialog.pickFolder',
  'exports.matrixXlsx',
  'exports.officeTasksXlsx',
  'households.checkId',
  'households.exportXlsx',
  'households.import.preview',
  'households.import.rejected',
  'households.scoring.template',
  'households.standards.template',
  'households.standards.previewXlsx',
  'households.template',
  'households.summaryXlsx',
  'households.publicListXlsx',
  'reports.exportXlsx',
  'sync.inspect',
  'sync.keyCard.inspect',
  'sync.enrol.inspect',
  'sync.transports.check',
  'sync.transports.held.inspect',
]);

/** The cache key of one op's result: family first so a write can invalidate a whole family. */
export function opKey<K extends OpName>(name: K, input?: Input<K>): readonly unknown[] {
  return input === undefined ? [familyOf(name), name] : [familyOf(name), name, input];
}

/** Contract errors are deterministic: asking again gives the same answer, so only transport failures retry. */
function shouldRetry(failures: number, error: Error): boolean {
  return !(error instanceof ApiError) && failures < 2;
}

/**
 * One client per window. The core is local and only this window writes to it, so the cache stays
 * right through invalidation after writes; a short staleTime still refreshes views on the next
 * visit (due states move with the clock). No refetch on focus: an offline desktop window gains and
 * loses focus constantly and nothing outside it changes the data.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, refetchOnReconnect: false, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

interface OpQueryOptions {
  enabled?: boolean;
  /** Values outside the input that should also trigger a fresh read when they change. */
  extraKey?: readonly unknown[];
  /** Poll every this many ms while enabled (progress of a long write); off by default. */
  refetchInterval?: number | false;
}

/**
 * Read one op's result. While a new input loads, the previous result stays on screen (tables keep
 * their rows under the spinner), as the views were built for.
 */
export function useOpQuery<K extends OpName>(name: K, input: Input<K>, options: OpQueryOptions = {}): UseQueryResult<Output<K>, Error> {
  return useQuery({
    queryKey: [...opKey(name, input), ...(options.extraKey ?? [])],
    queryFn: () => call(name, input),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval ?? false,
  });
}

interface OpMutationOptions {
  /** Families made stale by this write; by default the op's own family and what depends on it. */
  invalidates?: readonly OpFamily[] | 'all' | 'none';
}

/** The families a successful run of `name` makes stale. */
export function staleAfter(name: OpName, invalidates?: OpMutationOptions['invalidates']): readonly OpFamily[] | 'all' {
  if (invalidates === 'none') return [];
  if (invalidates) return invalidates;
  if (READ_ONLY.has(name)) return [];
  const own = familyOf(name);
  const also = ALSO_STALE[own];
  return also === 'all' ? 'all' : [own, ...also];
}

/**
 * Run one op as a write. Errors stay on the mutation (`error`, shown with errorText) and are also
 * thrown from `mutateAsync`, so a caller that must act only on success simply awaits it.
 */
export function useOpMutation<K extends OpName>(name: K, options: OpMutationOptions = {}): UseMutationResult<Output<K>, Error, Input<K>> {
  const client = useQueryClient();
  return useMutation({
    mutationKey: opKey(name),
    mutationFn: (input: Input<K>) => call(name, input),
    // Not awaited: the caller's own onSuccess (a message, a navigation, local state) runs at once,
    // while its component is still mounted; the refetched views follow a moment later.
    onSuccess: () => {
      const stale = staleAfter(name, options.invalidates);
      if (stale === 'all') void client.invalidateQueries();
      else for (const family of stale) void client.invalidateQueries({ queryKey: [family] });
    },
  });
}
