import { useRef, useState } from 'react';
import { Alert, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type AttachmentMeta } from '../../../electron/contract/tasks';
import { useIsMutating } from '@tanstack/react-query';
import { opKey, useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { fileToBase64 } from '../../ui/saveFile';
import { AttachmentList } from './AttachmentList';

const NONE: AttachmentMeta[] = [];

/** Files attached to a progress report: copied into the data folder (SHA-256) at once, linked on Lưu. A form control: `value`/`onChange` come from the surrounding Form.Item. */
export function AttachmentsInput({ taskId, value = NONE, onChange = () => undefined }: { taskId: string; value?: AttachmentMeta[]; onChange?: (v: AttachmentMeta[]) => void }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const [error, setError] = useState<string | null>(null);
  // A file is only linked to the task by Lưu, so an upload leaves every cached view as it is.
  const uploading = useOpMutation('attachments.add', { invalidates: 'none' });
  // Counts every file still on the way: mutate() callbacks follow only the latest call.
  const busy = useIsMutating({ mutationKey: opKey('attachments.add') });
  // Several files may finish in any order: each adds to the latest list, not the one it saw.
  const latest = useRef(value);
  latest.current = value;

  const add = (file: File): void => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(`${file.name}: ${t('errors.attachmentTooLarge')}`);
      return;
    }
    void fileToBase64(file)
      .then((base64) => uploading.mutateAsync({ taskId, name: file.name, mime: file.type || 'application/octet-stream', base64 }))
      .then(
        (meta) => {
          latest.current = [...latest.current.filter((a) => a.id !== meta.id), meta];
          onChange(latest.current);
        },
        (e: unknown) => setError(`${file.name}: ${errorText(t, e)}`),
      );
  };

  return (
    <div data-testid="attachments">
      {error && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 8 }} />}
      <Upload.Dragger
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          setError(null);
          add(file);
          return false;
        }}
        disabled={busy > 0}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy > 0 ? t('progress.uploading') : t('progress.dropFiles')}</p>
        <p className="ant-upload-hint">{t('progress.fileLimit', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}</p>
      </Upload.Dragger>
      <AttachmentList items={value} onRemove={(id) => onChange(value.filter((a) => a.id !== id))} />
    </div>
  );
}
