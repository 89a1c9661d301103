import { Alert, Button, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { ReportView } from './ReportView';
import '../reports.css';

/** #/report/<formId>/<period>[/<office>]: an office fills its report; the Sở opens a received one. */
export function ReportFillPage({ params }: { params: string[] }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const [formId = '', period = '', office] = params;
  const q = useOpQuery('reports.open', office ? { formId, period, office } : { formId, period });
  if (q.error)
    return (
      <div>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('reports')} style={{ paddingLeft: 0, marginBottom: 8 }}>
          {office ? t('fill.backSo') : t('fill.backOffice')}
        </Button>
        <Alert type="error" showIcon title={errorText(t, q.error)} />
      </div>
    );
  if (!q.data) return <Spin />;
  return <ReportView key={`${q.data.office.code}/${q.data.period}/${q.data.report?.hlc ?? 'new'}`} initial={q.data} />;
}
