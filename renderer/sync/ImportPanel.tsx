import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { FolderOpenOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileIn, ImportReport, ReenrolMode, SyncStatus } from '../../electron/contract/sync';
import { useOpMutation } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { BundleReportView } from './BundleReportView';
import { readChosen } from './files';

/** Uploaded files, or a folder chosen in the OS dialog (an opaque handle: the window never names a path). */
type Source = { files: FileIn[] } | { handle: string };

/** Choose files (or a USB folder), see the dry run, then import all or nothing per bundle. */
export function ImportPanel({ status }: { status: SyncStatus }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [applied, setApplied] = useState(false);
  const [confirmedFirst, setConfirmedFirst] = useState<Set<string>>(new Set());
  const inspecting = useOpMutation('sync.inspect');
  const importing = useOpMutation('sync.import');
  const reenrolling = useOpMutation('sync.peers.reenrol');
  const picking = useOpMutation('dialog.pickFolder');
  // One error line for the panel: whichever step failed last (each run clears the others).
  const failed = inspecting.error ?? importing.error ?? reenrolling.error ?? picking.error;

  const inspect = (src: Source): void => {
    importing.reset();
    reenrolling.reset();
    setApplied(false);
    setSource(src);
    inspecting.mutate(src, { onSuccess: setReport, onError: () => setReport(null) });
  };

  const chooseFolder = (): void =>
    picking.mutate({ purpose: 'import' }, { onSuccess: (picked) => void (picked.handle && inspect({ handle: picked.handle })) });

  const first = (report?.bundles ?? []).filter((b) => b.status === 'ready' && b.sender?.trust === 'firstContact');
  const firstOk = first.every((b) => confirmedFirst.has(b.sender?.fingerprint ?? ''));
  const ready = (report?.bundles ?? []).some((b) => b.status === 'ready');

  const apply = (): void => {
    if (!source) return;
    inspecting.reset();
    reenrolling.reset();
    const fps = [...new Set(first.map((b) => b.sender?.fingerprint ?? ''))];
    importing.mutate(
      { ...source, allowFirstContact: first.length > 0, ...(fps.length === 1 && fps[0] ? { expectFingerprint: fps[0] } : {}) },
      {
        onSuccess: (r) => {
          setReport(r);
          setApplied(true);
          for (const b of r.bundles) if (b.status === 'applied') message.success(t('sync.import.applied', { seq: b.seq ?? 0, office: b.sender?.officeName ?? '' }));
        },
      },
    );
  };

  const reenrol = (office: string, installation: string, fingerprint: string, mode: ReenrolMode): void =>
    reenrolling.mutate({ office, installation, fingerprint, mode }, { onSuccess: () => void (source && inspect(source)) });
  const busy = inspecting.isPending || importing.isPending;

  return (
    <Card title={t('sync.import.title')} data-testid="import-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={busy && !report}>
            {t('sync.import.choose')}
          </Button>
          {status.canPickFolder && (
            <Button icon={<FolderOpenOutlined />} onClick={chooseFolder}>
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
                if (files.length > 0) inspect({ files });
              });
            }}
          />
        </Space>
        {source && 'files' in source && (
          <Typography.Text type="secondary">{t('sync.import.chosen', { names: source.files.map((f) => f.name).join(', ') })}</Typography.Text>
        )}
        {failed && <Alert type="error" showIcon title={errorText(t, failed)} data-testid="import-error" />}
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
            onReenrol={(mode) => reenrol(String(b.error?.params['officeCode'] ?? ''), String(b.error?.params['installation'] ?? ''), String(b.error?.params['fingerprint'] ?? ''), mode)}
          />
        ))}
        {report && !applied && ready && (
          <Button type="primary" icon={<ImportOutlined />} loading={busy} disabled={!firstOk} onClick={apply} data-testid="import-apply">
            {t('sync.import.apply')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
