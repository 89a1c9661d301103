import { Alert, App, Button, Card, Col, Empty, Row, Select, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { foldFilter } from '../../ui/filter';
import { saveFile } from '../../ui/saveFile';
import { directiveRef } from '../labels';
import { CountsTable } from './CountsTable';
import { DirectiveSummaries } from './DirectiveSummaries';
import { MatrixTable } from './MatrixTable';
import { OfficeChart } from './OfficeChart';
import { OverdueList } from './OverdueList';

/** #/dashboard[/<directiveId>]: the Sở's consolidated picture, for one directive or all. */
export function DashboardPage({ directiveId }: { directiveId: string | undefined }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const list = useOpQuery('directives.list', {});
  const dash = useOpQuery('dashboard.get', directiveId ? { directiveId } : {});
  const exporting = useOpMutation('exports.matrixXlsx');
  const summaries = list.data ?? [];
  const shown = directiveId ? summaries.filter((s) => s.directive.id === directiveId) : summaries;
  const d = dash.data;

  const exportXlsx = (): void =>
    exporting.mutate(directiveId ? { directiveId } : {}, {
      onSuccess: (file) => {
        saveFile(file);
        message.success(t('list.exported'));
      },
    });

  const stat = (label: string, value: number, color?: string) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small">
        <Statistic title={label} value={value} styles={color ? { content: { color } } : undefined} />
      </Card>
    </Col>
  );

  return (
    <div data-testid="dashboard">
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            style={{ width: 360, maxWidth: '100%' }}
            popupMatchSelectWidth={560}
            value={directiveId ?? ''}
            onChange={(v) => navigate('dashboard', ...(v ? [v] : []))}
            showSearch={{ filterOption: foldFilter }}
            options={[{ value: '', label: t('dashboard.allDirectives') }, ...summaries.map((s) => ({ value: s.directive.id, label: `${directiveRef(t, s.directive)} — ${s.directive.title}` }))]}
            data-testid="dashboard-directive"
          />
          <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={exportXlsx} data-testid="export-matrix">
            {t('list.exportXlsx')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate('print', 'progress')} data-testid="print-office-report">
            {t('dashboard.printOffice')}
          </Button>
        </Space>
      </div>
      {exporting.error && <Alert type="error" showIcon title={errorText(t, exporting.error)} style={{ marginBottom: 16 }} />}
      {dash.error && <Alert type="error" showIcon title={errorText(t, dash.error)} style={{ marginBottom: 16 }} />}
      <DirectiveSummaries items={shown} selected={directiveId} />
      {!d ? (
        <Spin />
      ) : d.rows.length === 0 ? (
        <Empty description={t('dashboard.empty')} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="dashboard-totals">
            {stat(t('counts.assigned'), d.total.assigned)}
            {stat(t('counts.due'), d.total.due)}
            {stat(t('counts.doneOnTime'), d.total.doneOnTime, '#389e0d')}
            {stat(t('counts.doneLate'), d.total.doneLate, '#d48806')}
            {stat(t('counts.inProgress'), d.total.inProgress, '#1677ff')}
            {stat(t('counts.overdue'), d.total.overdue, '#cf1322')}
          </Row>
          <Card title={t('dashboard.chase', { count: d.overdue.length })} style={{ marginBottom: 16 }}>
            <OverdueList rows={d.overdue} />
          </Card>
          <Card title={t('dashboard.matrix', { tasks: d.rows.length, offices: d.offices.length })} style={{ marginBottom: 16 }}>
            <MatrixTable data={d} showDirective={new Set(d.rows.map((r) => r.directive.id)).size > 1} />
          </Card>
          <Card title={t('dashboard.chart')} style={{ marginBottom: 16 }}>
            <OfficeChart data={d} />
          </Card>
          <Card title={t('dashboard.counts')} style={{ marginBottom: 16 }}>
            <Tabs
              items={[
                {
                  key: 'office',
                  label: t('dashboard.byOffice'),
                  children: <CountsTable rows={d.byOffice.map((o) => ({ key: o.office, name: o.name, counts: o.counts }))} total={d.total} nameTitle={t('dashboard.office')} testId="counts-office" />,
                },
                {
                  key: 'field',
                  label: t('dashboard.byField'),
                  children: <CountsTable rows={d.byField.map((f) => ({ key: f.field || '-', name: f.name || t('editor.noField'), counts: f.counts }))} total={d.total} nameTitle={t('editor.field')} testId="counts-field" />,
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
