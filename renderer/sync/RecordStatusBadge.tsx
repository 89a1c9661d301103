import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordStatusView, RecordSyncStatus } from '../../electron/contract/sync';
import { useOpQuery } from '../api/hooks';

const COLORS: Record<RecordSyncStatus, string> = { local: 'default', sent: 'processing', acknowledged: 'success' };

/** The status given by sync.recordStatus, as a small tag. */
export function RecordStatusTag({ view }: { view: RecordStatusView }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const label = (s: RecordSyncStatus): string =>
    s === 'acknowledged' ? t('sync.record.acknowledged') : s === 'sent' ? t('sync.record.sent') : t('sync.record.local');
  const tag = (
    <Tag color={COLORS[view.status]} data-testid="record-status" data-status={view.status}>
      {label(view.status)}
    </Tag>
  );
  if (view.offices.length <= 1) return tag;
  return <Tooltip title={view.offices.map((o) => `${o.office}: ${label(o.status)}`).join(' · ')}>{tag}</Tooltip>;
}

/**
 * "Saved on this PC / sent / received by the recipient" for one record of ours (e.g. a
 * progress report on the task page). Renders nothing for records of other offices.
 */
export function RecordStatusBadge({ id }: { id: string }): React.JSX.Element | null {
  const q = useOpQuery('sync.recordStatus', { ids: [id] });
  const view = q.data?.[id];
  return view ? <RecordStatusTag view={view} /> : null;
}
