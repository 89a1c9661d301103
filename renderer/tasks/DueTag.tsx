import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DueStateName } from '../../electron/contract/tasks';
import { countdownText } from './labels';

const COLORS: Record<DueStateName, string> = {
  upcoming: 'default',
  dueSoon: 'gold',
  dueToday: 'orange',
  overdue: 'red',
  ongoing: 'blue',
  none: 'default',
  doneOnTime: 'green',
  doneLate: 'volcano',
};

/** The countdown as a coloured tag: "còn 3 ngày", "quá hạn 5 ngày", "thường xuyên". */
export function DueTag({ due }: { due: { state: DueStateName; days: number } }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  return (
    <Tag color={COLORS[due.state]} variant="outlined" data-testid="due-tag">
      {countdownText(t, due)}
    </Tag>
  );
}
