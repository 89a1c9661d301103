import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../ui/session';

/** Stays while the data folder is open read-only: why changes are refused, and what to do. */
export function ReadOnlyBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { state } = useAppState();
  if (!state.readOnly) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="read-only-banner"
      style={{ marginBottom: 16 }}
      title={t('readOnly.title', { path: state.dataDir })}
      description={t('readOnly.description')}
    />
  );
}
