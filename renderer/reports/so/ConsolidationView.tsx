import { Alert, App, Button, Space, Spin, Switch, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { saveFile } from '../../ui/saveFile';
import { ConsolidationTable } from './ConsolidationTable';
import { IndicatorCharts } from './IndicatorCharts';

/** Province totals for a period: the table, a chart per indicator, Excel and the printed BÁO CÁO. */
export function ConsolidationView({ formId, period }: { formId: string; period: string }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const [acceptedOnly, setAcceptedOnly] = useState(false);
  const exporting = useOpMutation('reports.exportXlsx');
  const q = useOpQuery('reports.consolidate', { formId, period, acceptedOnly });
  const exportXlsx = (): void => exporting.mutate({ formId, period, acceptedOnly }, { onSuccess: saveFile, onError: (e) => void message.error(errorText(t, e)) });
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  const v = q.data;
  return (
    <div data-testid="consolidation">
      <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="included">{t('totals.included', { count: v.included, total: v.offices.length })}</Typography.Text>
        <Space size={6}>
          <Switch checked={acceptedOnly} onChange={setAcceptedOnly} data-testid="accepted-only" />
          <Typography.Text>{t('totals.acceptedOnly')}</Typography.Text>
        </Space>
        <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={exportXlsx} data-testid="export-xlsx">
          {t('totals.exportXlsx')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => navigate('report-print', formId, period, acceptedOnly ? 'accepted' : 'all')} data-testid="print-report">
          {t('totals.print')}
        </Button>
      </Space>
      {v.included === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('totals.none')} />}
      <IndicatorCharts view={v} />
      <ConsolidationTable view={v} />
    </div>
  );
}
