import { Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { todayVn } from '../../i18n/format';
import { SoFormProgress } from './SoFormProgress';

/** Home card at the Sở: each form's reporting rate this year and who to chase. */
export function SoReportsWidget(): React.JSX.Element {
  const { t } = useTranslation('reports');
  const forms = useOpQuery('reports.forms', {});
  const year = Number(todayVn().slice(0, 4));
  return (
    <Card
      title={t('home.soTitle', { year })}
      extra={<a href="#/reports">{t('home.all')}</a>}
      loading={forms.isPending}
      data-testid="reports-widget"
    >
      <List size="small" dataSource={forms.data ?? []} renderItem={(f) => <SoFormProgress key={f.formId} form={f} year={year} />} />
    </Card>
  );
}
