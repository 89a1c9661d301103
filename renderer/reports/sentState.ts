import { reportDocId, shownState, type ReportState, type ShownState } from '../../electron/contract/reports';
import { useOpQuery } from '../api/hooks';
import { todayVn } from '../i18n/format';

/** A report as the office's lists know it. */
interface Shown {
  formId: string;
  period: string;
  dueDate: string;
  state: ReportState;
}

const completed = (s: ReportState): boolean => s === 'sentOnTime' || s === 'sentLate';

/**
 * The office's view of its reports' states: a completed report still waiting on this PC reads
 * "Hoàn thành, chưa gửi" / "Quá hạn, chưa gửi" instead of "Đã gửi đúng hạn" / "Gửi muộn".
 * Whether it left comes from sync.recordStatus ('local' = never in a bundle). The Sở's own
 * copies of office reports are not ours (recordStatus gives null), so they keep their state.
 */
export function useShownStates(office: string | null, items: readonly Shown[]): (item: Shown) => ShownState {
  const ids = office ? items.filter((i) => completed(i.state)).map((i) => reportDocId(i.formId, i.period, office)) : [];
  const q = useOpQuery('sync.recordStatus', { ids }, { enabled: ids.length > 0 });
  const asOf = todayVn();
  return (item) => {
    if (!office || !completed(item.state)) return item.state;
    const view = q.data?.[reportDocId(item.formId, item.period, office)];
    // Until the answer comes, and for records that are not ours, the state stands.
    const sent = view === undefined || view === null || view.status !== 'local';
    return shownState(item.state, sent, item.dueDate, asOf);
  };
}
