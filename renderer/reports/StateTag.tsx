import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShownState } from '../../electron/contract/reports';
import { STATE_COLORS, stateLabel } from './labels';

export function StateTag({ state, testId }: { state: ShownState; testId?: string }): React.JSX.Element {
  const { t } = useTranslation('reports');
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId ?? 'report-state'} data-state={state} style={{ marginInlineEnd: 0 }}>
      {stateLabel(t, state)}
    </Tag>
  );
}
