import { Button, List, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../electron/contract/tasks';
import { call } from '../../api/client';
import { errorText } from '../../ui/errorText';
import { saveFile } from '../../ui/saveFile';
import { fileSizeText } from '../labels';

/** Attached files with name, size and type; download, and remove when editable. */
export function AttachmentList({ items, onRemove }: { items: AttachmentMeta[]; onRemove?: (id: string) => void }): React.JSX.Element | null {
  const { t } = useTranslation('tasks');
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0) return null;
  const download = async (id: string): Promise<void> => {
    setError(null);
    try {
      saveFile(await call('attachments.get', { id }));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <List
        size="small"
        dataSource={items}
        data-testid="attachment-list"
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="dl" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(a.id)}>
                {t('progress.download')}
              </Button>,
              ...(onRemove
                ? [<Button key="rm" type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => onRemove(a.id)} aria-label={t('progress.removeAttachment')} />]
                : []),
            ]}
          >
            <List.Item.Meta avatar={<PaperClipOutlined />} title={a.name} description={`${fileSizeText(a.size)} · ${a.mime}`} />
          </List.Item>
        )}
      />
    </>
  );
}
