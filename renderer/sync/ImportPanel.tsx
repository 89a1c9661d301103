import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { FolderOpenOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileIn, ImportReport, ReenrolMode, SyncStatus } from '../../electron/contract/sync';
import { call } from '../api/client';
import { errorText } from '../ui/errorText';
import { BundleReportView } from './BundleReportView';
import { readChosen } from './files';

type Source = { files: FileIn[] } | { folder: string };

/** Choose files (or a USB folder), see the dry run, then import all or nothing per bundle. */
export function ImportPanel({ status, onDone }: { status: SyncStatus; onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [applied, setApplied] = useState(false);
  const [confirmedFirst, setConfirmedFirst] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const inspect = async (src: Source): Promise<void> => {
    setBusy(true);
    setError(null);
    setApplied(false);
    try {
      setSource(src);
      setReport(await call('sync.inspect', src));
    } catch (e) {
      setReport(null);
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const chooseFolder = async (): Promise<void> => {
    const picked = await call('dialog.pickFolder', { purpose: 'import' });
    if (picked.path) await inspect({ folder: picked.path });
  };

  const first = (report?.bundles ?? []).filter((b) => b.status === 'ready' && b.sender?.trust === 'firstContact');
  const firstOk = first.every((b) => confirmedFirst.has(b.sender?.fingerprint ?? ''));
  const ready = (report?.bundles ?? []).some((b) => b.status === 'ready');

  const apply = async (): Promise<void> => {
    if (!source) return;
    setBusy(true);
    setError(null);
    try {
      const fps = [...new Set(first.map((b) => b.sender?.fingerprint ?? ''))];
      const r = await call('sync.import', { ...source, allowFirstContact: first.length > 0, ...(fps.length === 1 && fps[0] ? { expectFingerprint: fps[0] } : {}) });
      setReport(r);
      setApplied(true);
      for (const b of r.bundles) if (b.status === 'applied') message.success(t('sync.import.applied', { seq: b.seq ?? 0, office: b.sender?.officeName ?? '' }));
      onDone();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const reenrol = async (office: string, installation: string, fingerprint: string, mode: ReenrolMode): Promise<void> => {
    try {
      await call('sync.peers.reenrol', { office, installation, fingerprint, mode });
      onDone();
      if (source) await inspect(source);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <Card title={t('sync.import.title')} data-testid="import-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={busy && !report}>
            {t('sync.import.choose')}
          </Button>
          {status.canPickFolder && (
            <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder()}>
              {t('sync.import.folder')}
            </Button>
          )}
          <input
            ref={input}
            type="file"
            multiple
            hidden
            data-testid="import-files"
            onChange={(e) => {
              const list = e.target.files;
              void readChosen(list).then((files) => {
                if (input.current) input.current.value = '';
                if (files.length > 0) void inspect({ files });
              });
            }}
          />
        </Space>
        {source && 'files' in source && (
          <Typography.Text type="secondary">{t('sync.import.chosen', { names: source.files.map((f) => f.name).join(', ') })}</Typography.Text>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {report?.bundles.map((b, i) => (
          <BundleReportView
            key={`${b.bundleId ?? ''}-${i}`}
            b={b}
            confirmed={confirmedFirst.has(b.sender?.fingerprint ?? '')}
            onConfirm={(fp, ok) =>
              setConfirmedFirst((prev) => {
                const next = new Set(prev);
                if (ok) next.add(fp);
                else next.delete(fp);
                return next;
              })
            }
            onReenrol={(mode) => void reenrol(String(b.error?.params['officeCode'] ?? ''), String(b.error?.params['installation'] ?? ''), String(b.error?.params['fingerprint'] ?? ''), mode)}
          />
        ))}
        {report && !applied && ready && (
          <Button type="primary" icon={<ImportOutlined />} loading={busy} disabled={!firstOk} onClick={() => void apply()} data-testid="import-apply">
            {t('sync.import.apply')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
