import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProfileMigration } from '../../electron/contract/app';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { useAppState } from '../ui/session';
import { formatDate } from '../i18n/format';
import { say } from '../../electron/domain/i18n/keys';

/**
 * Shown while the folder's tree has been replaced (the 2022 tree after 1 July 2025): a preview
 * of the move to today's tree (what becomes of this folder's unit, which old units keep their
 * records, why it would be refused here), then the move itself. The core decides; this shows.
 */
export function ProfileMoveCard(): React.JSX.Element | null {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const { setState } = useAppState();
  const current = useOpQuery('app.profile', {});
  const profiles = useOpQuery('app.profiles', {});
  const preview = useOpMutation('app.profile.migrate', { invalidates: 'none' });
  const apply = useOpMutation('app.profile.migrate');
  const state = useOpQuery('app.state', {}, { enabled: apply.isSuccess, extraKey: ['afterMove'] });
  const [shown, setShown] = useState<ProfileMigration | null>(null);
  // The session names the folder's unit (the Sở becomes the Sở Nội vụ): the shell reads it anew.
  useEffect(() => {
    if (apply.isSuccess && state.data) setState(state.data);
  }, [apply.isSuccess, state.data, setState]);

  const from = current.data;
  const to = profiles.data?.find((p) => !p.historical && p.id !== from?.id);
  if (!from?.historical || !to) return null;

  const open = (): void => preview.mutate({ to: to.id, dryRun: true }, { onSuccess: setShown });
  const confirm = (): void =>
    apply.mutate(
      { to: to.id, dryRun: false },
      {
        onSuccess: (m) => {
          setShown(null);
          void message.success(t('profileMove.done', { to: m.to.name }));
        },
      },
    );

  return (
    <Card title={t('profileMove.title', { date: formatDate(to.effectiveFrom) })} data-testid="profile-move">
      <Typography.Paragraph>{t('profileMove.intro', { from: from.name, to: to.name })}</Typography.Paragraph>
      {preview.error && <Alert type="error" showIcon title={errorText(t, preview.error)} style={{ marginBottom: 12 }} />}
      <Button onClick={open} loading={preview.isPending} data-testid="profile-move-preview">
        {t('profileMove.preview')}
      </Button>
      <Modal
        open={shown !== null}
        title={t('profileMove.previewTitle', { to: to.name })}
        width={760}
        onCancel={() => setShown(null)}
        okText={t('profileMove.confirm')}
        cancelText={t('profileMove.cancel')}
        onOk={confirm}
        okButtonProps={{ disabled: !shown || shown.refusal !== null, loading: apply.isPending, ...{ 'data-testid': 'profile-move-confirm' } }}
      >
        {shown && (
          <div data-testid="profile-move-dialog">
            <Typography.Paragraph data-testid="profile-move-own">
              {t('profileMove.ownUnit', { before: shown.office.before.name, after: shown.office.after?.name ?? t('profileMove.noUnit') })}
            </Typography.Paragraph>
            {shown.refusal && <Alert type="error" showIcon title={say(t, 'app:profileMove.refused')} description={errorText(t, shown.refusal)} style={{ marginBottom: 12 }} data-testid="profile-move-refusal" />}
            {apply.error && <Alert type="error" showIcon title={errorText(t, apply.error)} style={{ marginBottom: 12 }} />}
            <Typography.Paragraph type="secondary">{t('profileMove.kept')}</Typography.Paragraph>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={shown.units}
              data-testid="profile-move-units"
              columns={[
                { title: t('profileMove.colUnit'), key: 'unit', render: (_, u) => u.name },
                { title: t('profileMove.colRecords'), key: 'records', align: 'right', render: (_, u) => u.records },
                {
                  title: t('profileMove.colBecame'),
                  key: 'became',
                  render: (_, u) =>
                    u.becameUnits.map((b) => (
                      <Tag key={b.code}>
                        {b.name}
                        {b.whole === true ? '' : ` (${t('profileMove.part')})`}
                      </Tag>
                    )),
                },
              ]}
            />
          </div>
        )}
      </Modal>
    </Card>
  );
}
