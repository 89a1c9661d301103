import { App, Button, Card, Space, Table, Tag } from 'antd';
import { CloudDownloadOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../../electron/contract/reports';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { dueRuleText, periodTypeLabel } from '../labels';

/** The Sở's report forms with their versions; a form is viewed or given a new version from here. */
export function FormsList({ forms }: { forms: FormSummary[] }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const installing = useOpMutation('reports.installDefaults');
  const busy = installing.isPending;
  const install = (): void =>
    installing.mutate({}, { onSuccess: () => void message.success(t('forms.installed')), onError: (e) => void message.error(errorText(t, e)) });
  return (
    <Card size="small" data-testid="forms-list">
      <Table<FormSummary>
        rowKey="formId"
        pagination={false}
        dataSource={forms}
        columns={[
          // The form's name is what the officer reads: it takes the room, the other columns fit their content.
          { title: t('forms.title'), dataIndex: 'title' },
          {
            title: t('forms.periodType'),
            key: 'pt',
            width: 110,
            render: (_, f) => (
              <>
                <div>{periodTypeLabel(t, f.periodType)}</div>
                <div className="muted">{t('forms.officeCount', { n: f.offices.length })}</div>
              </>
            ),
          },
          { title: t('forms.dueRule'), key: 'due', width: 150, render: (_, f) => dueRuleText(t, f.dueRule) },
          {
            title: t('forms.versions'),
            key: 'versions',
            width: 100,
            render: (_, f) => (
              <Space size={4} wrap>
                {f.versions.map((v) => (
                  <Tag key={v.version} color={v.version === f.latest ? 'red' : undefined} style={{ cursor: 'pointer' }} onClick={() => navigate('report-form', f.formId, String(v.version))}>
                    {t('forms.versionTag', { version: v.version })}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            // As narrow as the buttons; below 1200 pixels they stack instead of squeezing the name.
            width: 1,
            className: 'rp-form-actions',
            render: (_, f) => (
              <Space wrap>
                <Button icon={<EyeOutlined />} onClick={() => navigate('report-form', f.formId, String(f.latest))}>
                  {t('forms.view')}
                </Button>
                <Button icon={<EditOutlined />} onClick={() => navigate('report-form', f.formId, 'new')} data-testid={`new-version-${f.formId}`}>
                  {t('forms.newVersion')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Button icon={<CloudDownloadOutlined />} loading={busy} onClick={install} style={{ marginTop: 12 }}>
        {t('forms.installDefaults')}
      </Button>
    </Card>
  );
}
