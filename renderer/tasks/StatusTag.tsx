import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressStatus } from '../../electron/contract/tasks';
import { statusLabel } from './labels';

const COLORS: Record<ProgressStatus, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  done: 'success',
  cannotDo: 'warning',
};

export function StatusTag({ status, percent }: { status: ProgressStatus; percent?: number | null }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const pct = status === 'inProgress' && percent !== null && percent !== undefined ? ` ${percent}%` : '';
  return (
    <Tag color={COLORS[status]} data-testid="status-tag">
      {statusLabel(t, status)}
      {pct}
    </Tag>
  );
}
