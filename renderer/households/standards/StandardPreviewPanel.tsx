import { Alert, Button, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StandardPreview } from '../../../electron/contract/households';
import { say } from '../../../electron/domain/i18n/keys';
import { formatNumber } from '../../i18n/format';

/**
 * What a standard workbook says before the Sở stores it: the standard, its years, whether it
 * replaces a built-in, the Sở's earlier one, or adds a standard, the lines of each area, the
 * bands in the order they are tried, and how many indicators and sources it has. Every text
 * comes from the file and is shown as text.
 */
export function StandardPreviewPanel(props: { preview: StandardPreview; fileName: string; applying: boolean; onApply: () => void; onCancel: () => void }): React.JSX.Element {
  const { t } = useTranslation('households');
  const { file, action, indicatorCount, replacedTitle } = props.preview;
  const s = file.standard;
  const lineName = (code: string): string => (code === 'poverty' || code === 'medium' || code === 'floor' ? say(t, `households:standards.lineName.${code}`) : code);
  const codes = [...new Set([...s.rule.bands.map((b) => b.incomeAtMost), ...Object.keys(s.lines.rural), ...Object.keys(s.lines.urban)])];
  const band = (b: (typeof s.rule.bands)[number]): string => {
    const parts = [t('standards.preview.incomeAtMost', { line: lineName(b.incomeAtMost) })];
    if (b.minDeprivations !== undefined) parts.push(t('standards.preview.minDeprivations', { count: b.minDeprivations }));
    if (b.maxDeprivations !== undefined) parts.push(t('standards.preview.maxDeprivations', { count: b.maxDeprivations }));
    return `${say(t, `households:class.${b.class}`)}: ${parts.join(', ')}`;
  };
  return (
    <div className="hh-score-table" data-testid="standard-preview">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('standards.preview.title', { file: props.fileName })}
      </Typography.Title>
      <Alert
        type={action === 'adds' ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="standard-preview-action"
        title={action === 'adds' ? t('standards.preview.adds') : t(action === 'replacesBuiltIn' ? 'standards.preview.replacesBuiltIn' : 'standards.preview.replacesSent', { title: replacedTitle ?? s.id })}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('standards.standard')}>{`${s.title} (${s.id}) — ${s.legalBasis}`}</Descriptions.Item>
        <Descriptions.Item label={t('standards.preview.years')}>{`${s.reviewYears.from}–${s.reviewYears.to}`}</Descriptions.Item>
        <Descriptions.Item label={t('standards.lines')}>
          <Table
            size="small"
            pagination={false}
            rowKey="code"
            data-testid="standard-preview-lines"
            dataSource={codes.map((code) => ({ code, rural: s.lines.rural[code], urban: s.lines.urban[code] }))}
            columns={[
              { title: t('standards.preview.line'), dataIndex: 'code', render: (code: string) => lineName(code) },
              { title: say(t, 'households:area.rural'), dataIndex: 'rural', align: 'right', render: (v: number | undefined) => (v === undefined ? '—' : formatNumber(v)) },
              { title: say(t, 'households:area.urban'), dataIndex: 'urban', align: 'right', render: (v: number | undefined) => (v === undefined ? '—' : formatNumber(v)) },
            ]}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('standards.preview.bands')}>
          <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="standard-preview-bands">
            {s.rule.bands.map((b, i) => (
              <li key={i}>{band(b)}</li>
            ))}
          </ol>
        </Descriptions.Item>
        <Descriptions.Item label={t('standards.indicators', { count: indicatorCount })}>
          {t('standards.preview.services', { count: s.services.length })}:{' '}
          {s.services.map((sv) => `${sv.name} (${sv.indicators.map((i) => i.name).join(', ')})`).join('; ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('standards.citations')}>{t('standards.preview.sources', { count: file.sources.length })}</Descriptions.Item>
        {s.note ? <Descriptions.Item label={t('standards.preview.note')}>{s.note}</Descriptions.Item> : null}
      </Descriptions>
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={props.applying} onClick={props.onApply} data-testid="standard-preview-apply">
          {t('standards.preview.apply')}
        </Button>
        <Button onClick={props.onCancel} disabled={props.applying}>
          {t('common:cancel')}
        </Button>
      </Space>
    </div>
  );
}
