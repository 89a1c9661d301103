import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { useAppState } from '../ui/session';

/**
 * The last step of first run: the folder's recovery code, shown once. The core keeps it only in
 * memory until it is confirmed here (a new one is made if the app closes first), then never
 * shows it again.
 */
export function RecoveryCodeStep({ code }: { code: string }): React.JSX.Element {
  const { t } = useTranslation('app');
  const { setState } = useAppState();
  const [written, setWritten] = useState(false);
  const confirm = useOpMutation('app.confirmRecoveryCode');
  return (
    <div className="first-run recovery-step">
      <Card className="first-run-card">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('recoveryCode.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('recoveryCode.intro')}</Typography.Paragraph>
        <Alert type="warning" showIcon title={t('recoveryCode.once')} style={{ marginBottom: 16 }} />
        <div className="muted">{t('recoveryCode.label')}</div>
        <div className="recovery-code" data-testid="recovery-code">
          <CodeHalves code={code} />
        </div>
        {confirm.error && <Alert type="error" showIcon title={errorText(t, confirm.error)} style={{ marginBottom: 16 }} />}
        <Space direction="vertical" style={{ width: '100%' }} className="recovery-actions">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="recovery-print">
            {t('recoveryCode.print')}
          </Button>
          <Checkbox checked={written} onChange={(e) => setWritten(e.target.checked)} data-testid="recovery-written">
            {t('recoveryCode.confirm')}
          </Checkbox>
          <Button
            type="primary"
            size="large"
            block
            disabled={!written}
            loading={confirm.isPending}
            onClick={() => confirm.mutate({ confirmed: true }, { onSuccess: setState })}
            data-testid="recovery-continue"
          >
            {t('recoveryCode.continue')}
          </Button>
        </Space>
      </Card>
    </div>
  );
}

/**
 * The code in two halves that each stay on one line: where the card is too narrow for all eight
 * groups it breaks 4 + 4, never after the fifth group with a hyphen left hanging at the line end.
 * The text is unchanged (copying it gives the code as printed).
 */
function CodeHalves({ code }: { code: string }): React.JSX.Element {
  const groups = code.split('-');
  const cut = Math.ceil(groups.length / 2);
  const first = groups.slice(0, cut).join('-');
  const rest = groups.slice(cut).join('-');
  return (
    <>
      <span className="recovery-code-half">{rest ? `${first}-` : first}</span>
      {rest && <wbr />}
      {rest && <span className="recovery-code-half">{rest}</span>}
    </>
  );
}
