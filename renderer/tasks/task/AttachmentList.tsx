import { Button, List, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../electron/contract/tasks';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { saveFile } from '../../ui/saveFile';
import { fileSizeText } from '../labels';

/** Attached files with name, size and type; download, and remove when editable. */
export function AttachmentList({ items, onRemove }: { items: AttachmentMeta[]; onRemove?: (id: string) => void }): React.JSX.Element | null {
  const { t } = useTranslation('tasks');
  const fetching = useOpMutation('attachments.get');
  if (items.length === 0) return null;
  const download = (id: string): void => fetching.mutate({ id }, { onSuccess: saveFile });
  return (
    <>
      {fetching.error && <Typography.Text type="danger">{errorText(t, fetching.error)}</Typography.Text>}
      <List
        size="small"
        dataSource={items}
        data-testid="attachment-list"
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="dl" type="link" size="small" icon={<DownloadOutlined />} onClick={() => download(a.id)}>
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
