import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExtractResult } from '../../../electron/contract/tasks';
import { useOpMutation } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { DirectiveEditor } from './DirectiveEditor';
import { draftFromExtract } from './draft';

/** "Dán văn bản": paste a notice, read it, then review the proposal in the editor before saving. */
export function PastePage(): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const [form] = Form.useForm<{ text: string }>();
  const text = Form.useWatch('text', form) ?? '';
  const [result, setResult] = useState<ExtractResult | null>(null);
  const reading = useOpMutation('directives.extract');

  const read = (): void =>
    reading.mutate(
      { text },
      {
        onSuccess: (r) => {
          setResult(r);
          window.scrollTo({ top: 0 });
        },
      },
    );

  if (result) {
    return (
      <DirectiveEditor
        initial={draftFromExtract(result)}
        proposal={result.proposal}
        title={t('paste.reviewTitle')}
        onSaved={() => navigate('directives')}
        onCancel={() => setResult(null)}
      />
    );
  }
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('paste.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('paste.intro')}</Typography.Paragraph>
      {reading.error && <Alert type="error" showIcon title={errorText(t, reading.error)} style={{ marginBottom: 16 }} />}
      <Card>
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
