import { useRef, useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileIn, KeyCardView, SyncStatus } from '../../electron/contract/sync';
import { call } from '../api/client';
import { errorText } from '../ui/errorText';
import { saveFile } from '../ui/saveFile';
import { readChosen } from './files';
import { Fingerprint } from './Fingerprint';
import { KeyCardModal } from './KeyCardModal';

/** This PC's fingerprint, big, and the key files: save ours, import the other side's. */
export function IdentityCard({ status, onChanged }: { status: SyncStatus; onChanged: () => void }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [card, setCard] = useState<{ view: KeyCardView; file: FileIn } | null>(null);
  const id = status.identity;

  const exportCard = async (): Promise<void> => {
    try {
      if (status.canPickFolder) {
        const { path } = await call('dialog.pickFolder', { purpose: 'keyCard' });
        if (!path) return;
        const r = await call('sync.keyCard.export', { outDir: path });
        message.success(t('sync.identity.cardSaved', { file: r.path ?? r.file.fileName }));
      } else {
        const r = await call('sync.keyCard.export', {});
        saveFile(r.file);
        message.success(t('sync.identity.cardSaved', { file: r.file.fileName }));
      }
    } catch (e) {
      message.error(errorText(t, e));
    }
  };

  const chosen = async (files: FileList | null): Promise<void> => {
    const [file] = await readChosen(files);
    if (input.current) input.current.value = '';
    if (!file) return;
    try {
      setCard({ view: await call('sync.keyCard.inspect', { file }), file });
    } catch (e) {
      message.error(errorText(t, e));
    }
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
          <Button icon={<DownloadOutlined />} onClick={() => void exportCard()} data-testid="keycard-export">
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
          onDone={() => {
            setCard(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
