import type { CoreContext } from '../runtime/context';
import type { OfficeRef } from '../../contract/reports';
import { classOfStored, NO_TABLES, type LoadedTables } from '../../domain/households/classOf';
import { ScoreTables } from '../households/scoring/loaded';
import { communeLabel, CommuneSchema, sampleCommunes, type Commune } from '../../domain/households/communes';
import { listRows } from '../tasks/views';
import { householdFacts, mergeFacts, taskFacts, type CommuneTotals, type HouseholdRow } from './householdFacts';
import { reportWindow, reviewYearsOf } from '../../domain/reports/window';
import type { ReportForm } from '../../domain/reports/form';
import type { PrefillFacts } from './prefill';
import { STANDARDS, type PovertyStandard } from '../../domain/households/standards';
import { standardsOf } from '../households/standards/inStore';

/**
 * What the office's own data already says for a period: household counts from the poverty
 * review (household documents) and task counts from progress. Anything unreadable is left
 * out: a prefill offers a starting figure, it never blocks a report.
 */

type Plain = Record<string, unknown>;

const KINDS = new Set(['xa', 'phuong', 'thiTran']);

/**
 * A household document as the prefill counts it; its class is the households' own answer
 * (with the score tables loaded here: an official one may decide by the Phiếu B score).
 */
export function householdRowOf(data: Plain, tables: LoadedTables = NO_TABLES, standards: readonly PovertyStandard[] = STANDARDS): HouseholdRow {
  return {
    commune: typeof data['communeCode'] === 'string' ? data['communeCode'] : '',
    cls: classOfStored(data, standards, tables) ?? null,
    reviewYear: typeof data['reviewYear'] === 'number' ? data['reviewYear'] : null,
  };
}

function householdRows(ctx: CoreContext, office: string): HouseholdRow[] {
  const tables = ScoreTables.of(ctx.store).get();
  const standards = standardsOf(ctx.store);
  return ctx.store
    .list('household')
    .filter((d) => d.owner === office)
    .map((d) => householdRowOf(d.data, tables, standards));
}

/** Facts of exactly the form's cut-off window for the period (window.ts), and the reviews of its years. */
export function prefillFacts(ctx: CoreContext, office: string, form: Pick<ReportForm, 'cutoff'>, period: string): PrefillFacts {
  const window = reportWindow(form, period);
  const households = householdFacts(householdRows(ctx, office), reviewYearsOf(window), communeTotals(ctx, office));
  if (ctx.store.count('task') === 0) return households;
  const rows = listRows(ctx, { office }).map((r) => {
    const mine = r.assignments.find((a) => a.office === office);
    return {
      dates: [r.directive.date, r.task.deadline.kind === 'date' ? r.task.deadline.date : null],
      done: mine?.status === 'done',
    };
  });
  return mergeFacts(households, taskFacts(rows, window));
}

/** Total households of each of the office's communes by year (the commune list's figures). */
function communeTotals(ctx: CoreContext, office: string): CommuneTotals {
  const out: CommuneTotals = {};
  for (const d of ctx.store.list('commune')) {
    if (d.owner !== office) continue;
    const parsed = CommuneSchema.safeParse(d.data);
    if (parsed.success) out[parsed.data.code] = parsed.data.totalHouseholds;
  }
  return out;
}

/** The office's communes: its own list when it has one, else the shipped sample, plus any seen in households. */
export function communesOf(ctx: CoreContext, office: string): OfficeRef[] {
  const own: Commune[] = [];
  for (const d of ctx.store.list('commune')) {
    if (d.owner !== office) continue;
    const list = Array.isArray(d.data['communes']) ? (d.data['communes'] as Plain[]) : [d.data];
    for (const c of list) {
      if (typeof c['code'] === 'string' && typeof c['name'] === 'string') {
        const kind = KINDS.has(String(c['kind'])) ? (c['kind'] as Commune['kind']) : 'xa';
        own.push({ code: c['code'], name: c['name'], kind, aliases: [], villages: [], totalHouseholds: {} });
      }
    }
  }
  const list = own.length > 0 ? own : sampleCommunes(office);
  const out: OfficeRef[] = list.map((c) => ({ code: c.code, name: communeLabel(c) }));
  const known = new Set(out.map((c) => c.code));
  for (const h of householdRows(ctx, office)) {
    if (h.commune && !known.has(h.commune)) {
      known.add(h.commune);
      out.push({ code: h.commune, name: h.commune });
    }
  }
  return out;
}
