import { Alert, Button, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BundleReport, KindCounts, ReenrolMode } from '../../electron/contract/sync';
import { formatDateTime } from '../i18n/format';
import { Fingerprint } from './Fingerprint';

const STATUS_COLOR: Record<BundleReport['status'], string> = { ready: 'processing', applied: 'success', refused: 'error', skipped: 'default' };

/** One bundle of a dry run or import: sender and trust, counts per kind, refusals, warnings. */
export function BundleReportView({
  b,
  confirmed,
  onConfirm,
  onReenrol,
}: {
  b: BundleReport;
  confirmed: boolean;
  onConfirm: (fingerprint: string, ok: boolean) => void;
  onReenrol: (mode: ReenrolMode) => void;
}): React.JSX.Element {
  const { t } = useTranslation('bundles');
  // A bundle imported before is not a fault (the same file from the USB stick and by email):
  // shown in neutral grey, "đã nhập trước đó", never in the red of a refusal.
  const already = b.error?.code === 'ALREADY_IMPORTED';
  const statusText = already
    ? t('sync.import.statusAlreadyImported')
    : { ready: t('sync.import.statusReady'), applied: t('sync.import.statusApplied'), refused: t('sync.import.statusRefused'), skipped: t('sync.import.statusSkipped') }[b.status];
  const num = (n: number): string | number => (n === 0 ? '' : n);
  return (
    <div data-testid="bundle-report" data-status={b.status} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={already ? 'default' : STATUS_COLOR[b.status]} data-testid="bundle-status">
          {statusText}
        </Tag>
        {b.sender ? (
          <strong>{t('sync.import.sender', { office: b.sender.officeName, seq: b.seq ?? 0, at: formatDateTime(b.createdAt) })}</strong>
        ) : (
          <span className="sv-fp-small">{b.fileNames.join(', ')}</span>
        )}
        {b.sender?.trust === 'pinned' && (
          <Tag color={b.sender.confirmedByPhone ? 'green' : 'gold'}>
            {t('sync.import.pinned')} · {b.sender.confirmedByPhone ? t('sync.import.confirmedByPhone') : t('sync.import.notConfirmed')}
          </Tag>
        )}
      </Space>
      {b.error && (
        <Alert
          type={b.status === 'skipped' || already ? 'info' : 'error'}
          showIcon
          style={{ marginBottom: 8 }}
          title={t(b.error.messageKey, b.error.params)}
          data-testid="bundle-error"
          data-code={b.error.code}
          description={
            b.error.code === 'KEY_CHANGED' && (
              <Space orientation="vertical">
                <span>{t('sync.import.reenrolHint', { office: String(b.error.params['office'] ?? ''), fingerprint: String(b.error.params['fingerprint'] ?? '') })}</span>
                <Space wrap>
                  <Button danger size="small" onClick={() => onReenrol('replace')}>
                    {t('sync.card.replace')}
                  </Button>
                  <Button size="small" onClick={() => onReenrol('add')}>
                    {t('sync.card.add')}
                  </Button>
                </Space>
              </Space>
            )
          }
        />
      )}
      {b.sender?.trust === 'firstContact' && b.status === 'ready' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('sync.import.firstContact', { office: b.sender.officeName })}
          description={
            <Space orientation="vertical">
              <Fingerprint value={b.sender.fingerprint} />
              <Checkbox checked={confirmed} onChange={(e) => onConfirm(b.sender?.fingerprint ?? '', e.target.checked)} data-testid="first-contact-confirm">
                {t('sync.import.firstContactConfirm', { office: b.sender.officeName })}
              </Checkbox>
            </Space>
          }
        />
      )}
      {b.warnings.map((w, i) => (
        <Alert key={i} type="warning" showIcon style={{ marginBottom: 8 }} title={t(w.messageKey, w.params)} data-testid="bundle-warning" />
      ))}
      {b.kinds.length > 0 && (
        <Table<KindCounts>
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={b.kinds}
          scroll={{ x: 'max-content' }}
          data-testid="bundle-kinds"
          columns={[
            { title: t('sync.export.kind'), dataIndex: 'kind', render: (k: string) => t(`sync.kinds.${k}`) },
            { title: t('sync.import.new'), dataIndex: 'new', align: 'right', render: num },
            { title: t('sync.import.updated'), dataIndex: 'updated', align: 'right', render: num },
            { title: t('sync.import.unchanged'), dataIndex: 'unchanged', align: 'right', render: num },
            { title: t('sync.import.older'), dataIndex: 'older', align: 'right', render: num },
            { title: t('sync.import.conflict'), dataIndex: 'conflict', align: 'right', render: num },
            { title: t('sync.import.refused'), dataIndex: 'refused', align: 'right', render: num },
          ]}
        />
      )}
      {b.refused.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="danger">{t('sync.import.refusedDocs')}</Typography.Text>
          <ul style={{ margin: '4px 0 0 16px', padding: 0 }}>
            {b.refused.slice(0, 20).map((r) => (
              <li key={r.id}>
                {t(`sync.kinds.${r.kind}`)} <code>{r.id}</code>: {t(`sync.reasons.${r.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
