import { Alert, App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';

/** Shown while the office has no commune list: households need one to name their commune. Loading the sample refreshes the household views. */
export function CommunesHint({ sampleAvailable }: { sampleAvailable: boolean }): React.JSX.Element {
  const { t } = useTranslation('households');
  const { message } = App.useApp();
  const sample = useOpMutation('households.communes.importSample');
  const loadSample = (): void =>
    sample.mutate(
      {},
      {
        onSuccess: (r) => void message.success(t('communes.sampleLoaded', { count: r.added })),
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
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
              <Button type="primary" loading={sample.isPending} onClick={loadSample} data-testid="load-sample-communes">
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
