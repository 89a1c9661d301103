import { Alert, Button, Card, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../electron/contract';
import { sayUnchecked } from '../../electron/domain/i18n/keys';

type Check = Output<'app.units.import'>;
type Problem = Check['problems'][number];

/** What the Sở's list would change, and every refused row with where it is and how to fix it. */
export function UnitListPreview({ check, applying, onApply, onCancel }: { check: Check; applying: boolean; onApply: () => void; onCancel: () => void }): React.JSX.Element {
  const { t } = useTranslation('app');
  const changes = check.added.length + check.renamed.length;
  const refused = check.problems.length;
  return (
    <Card title={t('units.page.import')} style={{ marginBottom: 16 }} data-testid="units-preview">
      <Alert
        type={refused > 0 ? 'warning' : 'info'}
        showIcon
        title={t('units.page.summary', { added: check.added.length, renamed: check.renamed.length, merged: check.merged.length, known: check.known, refused })}
        style={{ marginBottom: 12 }}
        data-testid="units-summary"
      />
      {check.added.length > 0 && (
        <Section title={t('units.page.added')}>
          <ul data-testid="units-added">
            {check.added.map((u) => (
              <li key={u.code}>
                {u.shortName} <span className="muted">({u.code}{u.officialCode ? ` · ${u.officialCode}` : ''})</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {check.renamed.length > 0 && (
        <Section title={t('units.page.renamed')}>
          <ul data-testid="units-renamed">
            {check.renamed.map((r) => (
              <li key={r.code}>{t('units.page.renamedRow', { code: r.code, from: r.from, to: r.to })}</li>
            ))}
          </ul>
        </Section>
      )}
      {check.merged.length > 0 && (
        <Section title={t('units.page.merged')}>
          <ul data-testid="units-merged">
            {check.merged.map((m) => (
              <li key={m.code}>{t('units.page.mergedRows', { name: m.shortName, code: m.code, rows: m.rows.join(', ') })}</li>
            ))}
          </ul>
        </Section>
      )}
      {refused > 0 && (
        <Section title={t('units.page.refused')}>
          <Table<Problem>
            size="small"
            rowKey={(p) => `${p.sheet}:${p.row}:${p.column}`}
            dataSource={check.problems}
            pagination={false}
            data-testid="units-refused"
            columns={[
              { title: t('units.page.sheet'), dataIndex: 'sheet', width: 140 },
              { title: t('units.page.row'), dataIndex: 'row', width: 60 },
              { title: t('units.page.column'), dataIndex: 'column', width: 60 },
              { title: t('units.page.problem'), key: 'problem', render: (_, p) => sayUnchecked(t, p.messageKey, p.params) },
              { title: t('units.page.fix'), key: 'fix', render: (_, p) => sayUnchecked(t, p.fixKey, p.params) },
            ]}
          />
        </Section>
      )}
      {changes === 0 && <Alert type="info" title={t('units.page.nothing')} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" disabled={changes === 0} loading={applying} onClick={onApply} data-testid="units-apply">
          {refused > 0 ? t('units.page.applyAccepted', { count: changes }) : t('units.page.apply')}
        </Button>
        <Button onClick={onCancel}>{t('units.page.cancel')}</Button>
      </Space>
    </Card>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div style={{ marginBottom: 12 }}>
      <strong>{title}</strong>
      {children}
    </div>
  );
}
