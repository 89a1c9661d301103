import { useRef, useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileIn, KeyCardView, SyncStatus } from '../../electron/contract/sync';
import { useOpMutation } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { saveFile } from '../ui/saveFile';
import { readChosen } from './files';
import { Fingerprint } from './Fingerprint';
import { KeyCardModal } from './KeyCardModal';

/** This PC's fingerprint, big, and the key files: save ours, import the other side's. */
export function IdentityCard({ status }: { status: SyncStatus }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [card, setCard] = useState<{ view: KeyCardView; file: FileIn } | null>(null);
  const id = status.identity;

  const picking = useOpMutation('dialog.pickFolder');
  const exporting = useOpMutation('sync.keyCard.export');
  const inspecting = useOpMutation('sync.keyCard.inspect');
  const failed = (e: Error): void => void message.error(errorText(t, e));

  const exportCard = (): void => {
    const write = (handle?: string): void =>
      exporting.mutate(handle ? { handle } : {}, {
        onSuccess: (r) => {
          if (!handle) saveFile(r.file);
          message.success(t('sync.identity.cardSaved', { file: (handle && r.path) || r.file.fileName }));
        },
        onError: failed,
      });
    if (!status.canPickFolder) write();
    else picking.mutate({ purpose: 'keyCard' }, { onSuccess: ({ handle }) => void (handle && write(handle)), onError: failed });
  };

  const chosen = async (files: FileList | null): Promise<void> => {
    const [file] = await readChosen(files);
    if (input.current) input.current.value = '';
    if (file) inspecting.mutate({ file }, { onSuccess: (view) => setCard({ view, file }), onError: failed });
  };

  return (
    <Card title={t('sync.identity.title')} data-testid="identity-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Fingerprint value={id.fingerprint} testId="own-fingerprint" />
        <div>
          <Typography.Text strong>{t('sync.identity.office', { office: id.officeName })}</Typography.Text>
          <div className="muted">{t('sync.identity.help')}</div>
          <div className="muted">{id.protector === 'safeStorage' ? t('sync.identity.protectorSafeStorage') : t('sync.identity.protectorFile')}</div>
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={exportCard} data-testid="keycard-export">
            {t('sync.identity.exportCard')}
          </Button>
          <Button icon={<KeyOutlined />} onClick={() => input.current?.click()}>
            {t('sync.identity.importCard')}
          </Button>
          <input ref={input} type="file" accept=".soviec-key" hidden data-testid="keycard-input" onChange={(e) => void chosen(e.target.files)} />
        </Space>
      </Space>
      {card && (
        <KeyCardModal
          view={card.view}
          file={card.file}
          onClose={() => setCard(null)}
          onDone={() => setCard(null)}
        />
      )}
    </Card>
  );
}
