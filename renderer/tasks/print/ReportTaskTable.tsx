import { useTranslation } from 'react-i18next';
import type { ProgressReportData } from '../../../electron/contract/tasks';
import { formatDate, formatNumber } from '../../i18n/format';
import { countdownText, deadlineLabel, directiveRef, reviewLabel, statusLabel } from '../labels';

type Row = ProgressReportData['rows'][number];

/** One line per task: what was asked, by when, and what the office did (Vietnamese, as filed). */
export function ReportTaskTable({ rows, showDirective }: { rows: Row[]; showDirective: boolean }): React.JSX.Element {
  const { i18n } = useTranslation('tasks');
  const t = i18n.getFixedT('vi', 'tasks');
  return (
    <table className="nd30-table" data-testid="report-table">
      <thead>
        <tr>
          <th style={{ width: '7%' }}>{t('print.colNo')}</th>
          <th style={{ width: '40%' }}>{t('print.colTask')}</th>
          <th style={{ width: '15%' }}>{t('print.colDeadline')}</th>
          <th>{t('print.colResult')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const p = r.progress;
          const status = p?.status ?? 'notStarted';
          const answers = Object.entries(p?.requiredContents ?? {}).filter(([, v]) => v.trim());
          return (
            <tr key={r.task.id}>
              <td className="c">{i + 1}</td>
              <td>
                <p className="res-line">{r.task.content}</p>
                <p className="res-line" style={{ fontStyle: 'italic', fontSize: '11pt' }}>
                  {[r.fieldName, showDirective ? directiveRef(t, r.directive) : ''].filter(Boolean).join('; ')}
                </p>
              </td>
              <td className="c">{deadlineLabel(t, r.task.deadline)}</td>
              <td>
                <p className="res-line">
                  <strong>{statusLabel(t, status)}</strong>
                  {p?.status === 'inProgress' && p.percent !== null ? ` (${p.percent}%)` : ''}
                  {p?.completedOn ? ` ${t('print.completedOn', { date: formatDate(p.completedOn) })}` : ''}
                  {r.due.state === 'overdue' || r.due.state === 'doneLate' ? ` — ${countdownText(t, r.due)}` : ''}
                </p>
                {p?.reason && <p className="res-line">{t('print.reason', { reason: p.reason })}</p>}
                {p?.narrative && <p className="res-line" style={{ whiteSpace: 'pre-wrap' }}>{p.narrative}</p>}
                {answers.map(([k, v]) => (
                  <p className="res-line" key={k}>
                    - <em>{k}:</em> {v}
                  </p>
                ))}
                {p?.figures.map((f) => (
                  <p className="res-line" key={f.label}>
                    - {f.label}: {formatNumber(f.value)} {f.unit}
                  </p>
                ))}
                {r.review && <p className="res-line">{t('print.review', { outcome: reviewLabel(t, r.review) })}</p>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
