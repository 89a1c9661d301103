import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { formatDateTime } from '../i18n/format';
import { useAppState } from '../ui/session';

/** Tells the user, at start, which damaged files were restored and from which backup. */
export function RecoveryBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { state, setState } = useAppState();
  const dismiss = useOpMutation('app.dismissRecoveries');
  if (state.recoveries.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="recovery-banner"
      style={{ marginBottom: 16 }}
      title={t('recovery.title')}
      description={
        <>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {state.recoveries.map((r) => (
              <li key={r.file}>
                {r.restoredFrom
                  ? t('recovery.item', { file: r.file, reason: r.reason, date: formatDateTime(r.restoredFromDate), movedTo: r.movedTo })
                  : t('recovery.itemNoBackup', { file: r.file, reason: r.reason, movedTo: r.movedTo })}
                {r.records.length > 0 && (
                  <ul data-testid="recovery-records">
                    {r.records.map((x) => (
                      <li key={x.id}>{t(`recovery.outcome.${x.outcome}`, { label: x.label, id: x.id })}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {dismiss.error && <Typography.Text type="danger">{errorText(t, dismiss.error)}</Typography.Text>}
        </>
      }
      action={
        <Button size="small" loading={dismiss.isPending} onClick={() => dismiss.mutate({}, { onSuccess: setState })}>
          {t('recovery.dismiss')}
        </Button>
      }
    />
  );
}
