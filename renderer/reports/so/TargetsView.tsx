import { Alert, App, Button, Card, Space, Spin, Table, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetIndicator } from '../../../electron/contract/reports';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { shortOffice } from '../labels';
import { NumberInput } from '../NumberInput';

type Edits = Record<string, Record<string, number | null>>;

/** The year's targets (chỉ tiêu kế hoạch giao) per office and indicator; offices see theirs on the form. */
export function TargetsView({ formId, year }: { formId: string; year: number }): React.JSX.Element {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const q = useOpQuery('reports.targets', { formId, year });
  const [edits, setEdits] = useState<Edits>({});
  const saving = useOpMutation('reports.saveTargets');
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  const v = q.data;
  const valueOf = (office: string, id: string): number | null => {
    const e = edits[office];
    if (e && id in e) return e[id] ?? null;
    return v.values[office]?.[id] ?? null;
  };
  const changed = Object.values(edits).reduce((n, e) => n + Object.keys(e).length, 0);
  const save = (): void =>
    saving.mutate(
      { formId, year, values: edits },
      {
        onSuccess: () => {
          setEdits({});
          void message.success(t('targets.saved'));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
  return (
    <div data-testid="targets">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('targets.intro', { year })}</Typography.Text>
        <Button type="primary" icon={<SaveOutlined />} disabled={changed === 0} loading={saving.isPending} onClick={save} data-testid="save-targets">
          {t('targets.save')}
        </Button>
        {changed > 0 && <Typography.Text type="warning">{t('targets.unsaved', { count: changed })}</Typography.Text>}
      </Space>
      <Card size="small">
        <Table<TargetIndicator>
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          dataSource={v.indicators}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('totals.indicator'),
              key: 'label',
              fixed: 'left',
              width: 300,
              render: (_, i) => (
                <>
                  <div>{i.label}</div>
                  <div className="muted">{i.section}{i.unit ? ` · ${i.unit}` : ''}</div>
                </>
              ),
            },
            ...v.offices.map((o) => ({
              title: shortOffice(o.name),
              key: o.code,
              width: 140,
              render: (_: unknown, i: TargetIndicator) => (
                <NumberInput
                  testId={`target-${o.code}-${i.id}`}
                  ariaLabel={`${o.name} — ${i.label}`}
                  value={valueOf(o.code, i.id)}
                  decimals={i.type !== 'integer' && i.type !== 'money'}
                  onChange={(x) => setEdits((e) => ({ ...e, [o.code]: { ...(e[o.code] ?? {}), [i.id]: x } }))}
                  style={{ width: '100%' }}
                />
              ),
            })),
          ]}
        />
      </Card>
    </div>
  );
}
