import { Button, Card, List } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { navigate } from '../../app/router';
import { todayVn } from '../../i18n/format';
import { SoFormProgress } from './SoFormProgress';

/** Home card at the Sở: each form's reporting rate this year and who to chase. */
export function SoReportsWidget(): React.JSX.Element {
  const { t } = useTranslation('reports');
  const forms = useQuery('reports.forms', {});
  const year = Number(todayVn().slice(0, 4));
  return (
    <Card
      title={
        <span>
          <FileDoneOutlined /> {t('home.soTitle', { year })}
        </span>
      }
      extra={<Button type="link" onClick={() => navigate('reports')}>{t('home.all')}</Button>}
      loading={forms.loading && !forms.data}
      data-testid="reports-widget"
    >
      <List size="small" dataSource={forms.data ?? []} renderItem={(f) => <SoFormProgress key={f.formId} form={f} year={year} />} />
    </Card>
  );
}
