import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Indicator, ReportForm } from '../../../electron/contract/reports';
import { diffVersions } from '../../../electron/contract/reports';
import { useOpQuery } from '../../api/hooks';
import { navigate } from '../../ui/router';
import { dueRuleText, periodTypeLabel } from '../labels';
import { showNumber } from '../numbers';

/** One version of a form as the offices receive it, with what changed since the version before. */
export function FormVersionView({ form }: { form: ReportForm }): React.JSX.Element {
  const { t, i18n } = useTranslation('reports');
  const prev = useOpQuery('reports.form', { formId: form.formId, version: Math.max(1, form.version - 1) });
  const diff = form.version > 1 && prev.data ? diffVersions(prev.data, form) : null;
  const mark = (id: string): React.ReactNode =>
    diff?.added.includes(id) ? <Tag color="green">{t('formView.added')}</Tag> : diff?.changed.includes(id) ? <Tag color="gold">{t('formView.changed')}</Tag> : null;
  const bounds = (i: Indicator): string =>
    i.min === undefined && i.max === undefined ? '' : `${i.min !== undefined ? showNumber(i.min) : '…'} – ${i.max !== undefined ? showNumber(i.max) : '…'}`;
  return (
    <div data-testid="form-view">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('reports', 'forms')} style={{ paddingLeft: 0 }}>
        {t('formView.back')}
      </Button>
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: '4px 0' }}>
          {form.title}
        </Typography.Title>
        <Button type="primary" icon={<EditOutlined />} onClick={() => navigate('report-form', form.formId, 'new')}>
          {t('forms.newVersion')}
        </Button>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ margin: '8px 0 16px' }}>
        <Descriptions.Item label={t('formView.version')}>{form.version}</Descriptions.Item>
        <Descriptions.Item label={t('forms.periodType')}>{periodTypeLabel(t, form.periodType)}</Descriptions.Item>
        <Descriptions.Item label={t('forms.dueRule')}>{dueRuleText(t, form.dueRule)}</Descriptions.Item>
        <Descriptions.Item label={t('editor.cutoff')}>
          <span data-testid="form-cutoff">{form.cutoff ? t('editor.cutoffDayOf', { day: form.cutoff.day }) : t('editor.cutoffNone')}</span>
        </Descriptions.Item>
      </Descriptions>
      {diff && diff.removed.length > 0 && (
        <Typography.Paragraph type="secondary">{t('formView.removed', { ids: diff.removed.join(', ') })}</Typography.Paragraph>
      )}
      {form.sections.map((s) => (
        <Card key={s.id} size="small" title={s.title} style={{ marginBottom: 12 }}>
          <Table<Indicator>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={s.indicators}
            columns={[
              { title: t('editor.label'), key: 'label', render: (_, i) => <>{i.label} {mark(i.id)}</> },
              { title: t('editor.type'), key: 'type', width: 140, render: (_, i) => t(`reports:indicatorType.${i.type}`) },
              { title: t('editor.unit'), dataIndex: 'unit', width: 100 },
              { title: t('editor.required'), key: 'req', width: 90, render: (_, i) => (i.required ? t('fill.yes') : '') },
              { title: t('formView.bounds'), key: 'bounds', width: 160, render: (_, i) => bounds(i) },
              { title: t('editor.id'), dataIndex: 'id', width: 240, render: (id: string) => <Typography.Text type="secondary">{id}</Typography.Text> },
            ]}
          />
        </Card>
      ))}
      {form.rules.length > 0 && (
        <Card size="small" title={t('formView.rules')}>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {form.rules.map((r) => (
              <li key={r.id}>{(i18n.language === 'en' ? r.message.en : r.message.vi).replace(/\s*\(\{\{\s*\w+\s*\}\}\)/g, '')}</li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
