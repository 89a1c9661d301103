import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExtractFileResult } from '../../../electron/contract/tasks';

/** The text read from an opened file, shown above the proposal so the officer can check each task against it. */
export function NoticeSourceText({ source, text }: { source: ExtractFileResult['source']; text: string }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  return (
    <Card
      size="small"
      title={t('paste.sourceTitle', { name: source.name })}
      extra={<Typography.Text type="secondary">{t(`paste.sourceFormat_${source.format}`, { pages: source.pages ?? 0 })}</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      <pre className="sv-notice-source" data-testid="notice-source-text">
        {text}
      </pre>
    </Card>
  );
}
