import { useRef, useState } from 'react';
import { Alert, Button, Card, Divider, Form, Input, Space, Typography } from 'antd';
import { FileSearchOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExtractFileResult, ExtractResult } from '../../../electron/contract/tasks';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { fileToBase64 } from '../../ui/saveFile';
import { DirectiveEditor } from './DirectiveEditor';
import { draftFromExtract } from './draft';
import { NoticeSourceText } from './NoticeSourceText';

type Read = ExtractResult & { source?: ExtractFileResult['source'] };

/**
 * "Dán văn bản": open a notice file (Word, PDF with a text layer, .txt) or paste its text, read
 * it, then review the proposal in the editor, beside the text that was read, before saving.
 */
export function PastePage(): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const [form] = Form.useForm<{ text: string }>();
  const text = Form.useWatch('text', form) ?? '';
  const [result, setResult] = useState<Read | null>(null);
  const reading = useOpMutation('directives.extract');
  const opening = useOpMutation('directives.extractFile');
  const fileInput = useRef<HTMLInputElement>(null);
  const shown = (r: Read): void => {
    setResult(r);
    window.scrollTo({ top: 0 });
  };

  const read = (): void => {
    opening.reset();
    reading.mutate({ text }, { onSuccess: shown });
  };
  const open = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    reading.reset();
    // The file travels as bytes: the core never receives a path from the UI.
    const base64 = await fileToBase64(file);
    opening.mutate({ file: { name: file.name, base64 } }, { onSuccess: shown });
  };

  if (result) {
    return (
      <DirectiveEditor
        initial={draftFromExtract(result)}
        proposal={result.proposal}
        title={t('paste.reviewTitle')}
        onSaved={() => navigate('directives')}
        onCancel={() => setResult(null)}
        beside={result.source ? <NoticeSourceText source={result.source} text={result.draft.directive.text} /> : undefined}
      />
    );
  }
  const failed = reading.error ?? opening.error;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('paste.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('paste.intro')}</Typography.Paragraph>
      {failed && <Alert type="error" showIcon title={errorText(t, failed)} style={{ marginBottom: 16 }} data-testid="paste-error" />}
      <Card>
        <Space wrap align="center">
          <Button size="large" icon={<FolderOpenOutlined />} loading={opening.isPending} onClick={() => fileInput.current?.click()} data-testid="open-notice-file">
            {t('paste.openFile')}
          </Button>
          <Typography.Text type="secondary">{t('paste.openFileHelp')}</Typography.Text>
        </Space>
        <input
          ref={fileInput}
          type="file"
          accept=".docx,.pdf,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          style={{ display: 'none' }}
          data-testid="notice-file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            void open(f);
          }}
        />
        <Divider plain>{t('paste.or')}</Divider>
        <Form form={form} component={false}>
          <Form.Item name="text" noStyle>
            <Input.TextArea placeholder={t('paste.placeholder')} autoSize={{ minRows: 16, maxRows: 32 }} data-testid="paste-text" className="sv-paste" />
          </Form.Item>
        </Form>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" size="large" icon={<FileSearchOutlined />} disabled={!text.trim()} loading={reading.isPending} onClick={read} data-testid="paste-read">
            {t('paste.read')}
          </Button>
          <Button size="large" onClick={() => navigate('directives')}>
            {t('common:cancel')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}
