import { useState } from 'react';
import { Alert, App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';

/** Shown while the office has no commune list: households need one to name their commune. */
export function CommunesHint({ sampleAvailable, onDone }: { sampleAvailable: boolean; onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation('households');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const loadSample = async (): Promise<void> => {
    setBusy(true);
    try {
      const r = await call('households.communes.importSample', {});
      message.success(t('communes.sampleLoaded', { count: r.added }));
      onDone();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('communes.noneTitle')}
      description={
        <Space orientation="vertical" size={8}>
          <span>{sampleAvailable ? t('communes.noneSample') : t('communes.none')}</span>
          <Space wrap>
            {sampleAvailable && (
              <Button type="primary" loading={busy} onClick={() => void loadSample()} data-testid="load-sample-communes">
                {t('communes.loadSample')}
              </Button>
            )}
            <Button onClick={() => navigate('communes')}>{t('communes.manage')}</Button>
          </Space>
        </Space>
      }
    />
  );
}
