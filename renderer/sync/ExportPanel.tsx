import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, InputNumber, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { MailOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BundlePreview, ExportResult, SyncStatus } from '../../electron/contract/sync';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { downloadAll, formatBytes } from './files';

/** Choose a recipient, see what will travel, write the bundle (folder or download) or prepare an email. */
export function ExportPanel({ status }: { status: SyncStatus }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const options = useMemo(() => {
    const list = status.recipients.map((r) => ({
      value: `${r.office}|${r.installation}`,
      label: r.installationLabel ? `${r.officeName} — ${t('sync.peers.machine', { id: r.installationLabel })}` : r.officeName,
    }));
    const offices = new Set(status.recipients.filter((r) => r.office !== status.identity.office).map((r) => r.office));
    return status.role === 'so' && offices.size > 1 ? [{ value: 'ALL', label: t('sync.export.all') }, ...list] : list;
  }, [status, t]);
  const [value, setValue] = useState<string | undefined>(options[0]?.value);
  useEffect(() => {
    if (!options.some((o) => o.value === value)) setValue(options[0]?.value);
  }, [options, value]);
  const [maxPartMb, setMaxPartMb] = useState(10);
  const picking = useOpMutation('dialog.pickFolder');
  const exporting = useOpMutation('sync.export');
  const busy = exporting.isPending;

  const [to, installation] = (value ?? '').split('|');
  const target = to === 'ALL' ? { to: 'ALL' as const } : { to: to ?? '', ...(installation ? { installation } : {}) };
  const preview = useOpQuery('sync.preview', target, { extraKey: [status] });

  // Polled only while an export runs; keyed by the run so a new export starts from 0, not the last one's 100.
  const progress = useOpQuery('sync.exportProgress', {}, { enabled: busy, refetchInterval: 250, extraKey: [exporting.submittedAt] });
  const percent = exporting.isSuccess ? 100 : progress.isPlaceholderData ? 0 : (progress.data?.percent ?? 0);

  if (options.length === 0 || !value) {
    return (
      <Card title={t('sync.export.title')} data-testid="export-panel">
        <Empty description={t('sync.export.noRecipients')} />
      </Card>
    );
  }

  const run = async (email: boolean): Promise<void> => {
    picking.reset();
    exporting.reset();
    let handle: string | undefined;
    if (status.canPickFolder && !email) {
      // A failed pick stays on `picking.error`; a cancelled one (no handle) just stops.
      const picked = await picking.mutateAsync({ purpose: 'export' }).catch(() => null);
      if (!picked?.handle) return;
      handle = picked.handle;
    }
    exporting.mutate(
      { ...target, maxPartMb, email, ...(handle ? { handle } : status.canPickFolder ? {} : { returnFiles: true }) },
      { onSuccess: (r) => void downloadAll(r.files) },
    );
  };
  const failed = picking.error ?? exporting.error;
  const result = exporting.data;

  const bundles = preview.data?.bundles ?? [];
  return (
    <Card title={t('sync.export.title')} data-testid="export-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('sync.export.to')}</span>
          <Select style={{ minWidth: 320 }} value={value} onChange={setValue} options={options} data-testid="export-to" />
        </Space>
        {preview.error && <Alert type="error" showIcon title={errorText(t, preview.error)} />}
        {bundles.map((b) => (
          <PreviewBlock key={`${b.to}/${b.installation}`} b={b} single={bundles.length === 1} />
        ))}
        <Space wrap>
          <span>{t('sync.export.maxPart')}</span>
          <InputNumber min={1} max={500} value={maxPartMb} onChange={(v) => setMaxPartMb(v ?? 10)} data-testid="export-max-part" />
        </Space>
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!preview.data} onClick={() => void run(false)} data-testid="export-save">
            {t('sync.export.save')}
          </Button>
          <Button icon={<MailOutlined />} loading={busy} disabled={!preview.data} onClick={() => void run(true)} data-testid="export-email">
            {t('sync.export.email')}
          </Button>
        </Space>
        {busy && (
          <div>
            <Typography.Text type="secondary">{t('sync.export.progress')}</Typography.Text>
            <Progress percent={percent} status="active" data-testid="export-progress" />
          </div>
        )}
        {failed && <Alert type="error" showIcon title={errorText(t, failed)} data-testid="export-error" />}
        {result && <ResultBlock r={result} />}
      </Space>
    </Card>
  );
}

function PreviewBlock({ b, single }: { b: BundlePreview; single: boolean }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const rows = Object.entries(b.counts).map(([kind, n]) => ({ kind, n }));
  return (
    <div data-testid="export-preview">
      <Space wrap>
        <strong>{t('sync.export.bundleFor', { seq: b.seq, to: b.toName, count: b.total })}</strong>
        {b.personalData && <Tag color="red">{t('sync.export.personalData')}</Tag>}
        {b.attachments.count > 0 && <Tag>{t('sync.export.attachments', { files: b.attachments.count, size: formatBytes(b.attachments.bytes) })}</Tag>}
      </Space>
      {b.total === 0 && <div className="muted">{t('sync.export.nothing')}</div>}
      {b.missingFiles > 0 && <Alert type="warning" showIcon title={t('sync.export.missingFiles', { n: b.missingFiles })} />}
      {single && rows.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={rows}
          style={{ marginTop: 8, maxWidth: 420 }}
          columns={[
            { title: t('sync.export.kind'), dataIndex: 'kind', render: (k: string) => t(`sync.kinds.${k}`) },
            { title: t('sync.export.number'), dataIndex: 'n', align: 'right' },
          ]}
        />
      )}
    </div>
  );
}

function ResultBlock({ r }: { r: ExportResult }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const names = r.bundles.flatMap((b) => b.fileNames);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="export-result">
      <Alert
        type="success"
        showIcon
        title={t('sync.export.done', { files: names.length })}
        description={
          <>
            {r.outDir && <div>{t('sync.export.doneTo', { dir: r.outDir })}</div>}
            {names.map((n) => (
              <div key={n} className="sv-fp-small">
                {n}
              </div>
            ))}
          </>
        }
      />
      {r.skipped.map((s) => (
        <Alert key={s.office} type="warning" showIcon title={t('sync.export.skipped', { office: s.officeName })} description={t(s.error.messageKey, s.error.params)} />
      ))}
      {r.email && (
        <Alert
          type="info"
          showIcon
          title={r.email.opened ? t('sync.export.emailOpened') : t('sync.export.emailCopy')}
          description={
            !r.email.opened && (
              <div data-testid="email-draft">
                <Typography.Text strong>{t('sync.export.subject')}</Typography.Text>
                <Typography.Paragraph copyable={{ text: r.email.subject }} data-testid="email-subject">
                  {r.email.subject}
                </Typography.Paragraph>
                <Typography.Text strong>{t('sync.export.body')}</Typography.Text>
                <Typography.Paragraph copyable={{ text: r.email.body }} style={{ marginBottom: 0 }}>
                  <pre className="sv-mail">{r.email.body}</pre>
                </Typography.Paragraph>
              </div>
            )
          }
        />
      )}
    </Space>
  );
}
