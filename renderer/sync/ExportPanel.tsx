import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, InputNumber, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { MailOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BundlePreview, ExportResult, SyncStatus } from '../../electron/contract/sync';
import { call } from '../api/client';
import { useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { downloadAll, formatBytes } from './files';

/** Choose a recipient, see what will travel, write the bundle (folder or download) or prepare an email. */
export function ExportPanel({ status, onDone }: { status: SyncStatus; onDone: () => void }): React.JSX.Element {
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
  const [busy, setBusy] = useState(false);
  const [percent, setPercent] = useState(0);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [to, installation] = (value ?? '').split('|');
  const target = to === 'ALL' ? { to: 'ALL' as const } : { to: to ?? '', ...(installation ? { installation } : {}) };
  const preview = useOpQuery('sync.preview', target, { extraKey: [status] });

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      void call('sync.exportProgress', {}).then((p) => setPercent(p.percent), () => undefined);
    }, 250);
    return () => clearInterval(timer);
  }, [busy]);

  if (options.length === 0 || !value) {
    return (
      <Card title={t('sync.export.title')} data-testid="export-panel">
        <Empty description={t('sync.export.noRecipients')} />
      </Card>
    );
  }

  const run = async (email: boolean): Promise<void> => {
    setError(null);
    setResult(null);
    let outDir: string | undefined;
    try {
      if (status.canPickFolder && !email) {
        const picked = await call('dialog.pickFolder', { purpose: 'export' });
        if (!picked.path) return;
        outDir = picked.path;
      }
      setPercent(0);
      setBusy(true);
      const r = await call('sync.export', { ...target, maxPartMb, email, ...(outDir ? { outDir } : status.canPickFolder ? {} : { returnFiles: true }) });
      setPercent(100);
      if (r.files.length > 0) await downloadAll(r.files);
      setResult(r);
      onDone();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

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
        {error && <Alert type="error" showIcon title={error} data-testid="export-error" />}
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
