import { useState } from 'react';
import { Alert, App, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileIn, KeyCardView, ReenrolMode } from '../../electron/contract/sync';
import { useOpMutation } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { Fingerprint } from './Fingerprint';

/** The other side's key file: its fingerprint to compare by phone, then trust (or re-enrol). */
export function KeyCardModal({ view, file, onClose, onDone }: { view: KeyCardView; file: FileIn; onClose: () => void; onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const [confirmed, setConfirmed] = useState(false);
  const importing = useOpMutation('sync.keyCard.import');
  const busy = importing.isPending;

  const trust = (reenrol?: ReenrolMode): void =>
    importing.mutate(
      { file, expectFingerprint: view.fingerprint, confirmedByPhone: confirmed, ...(reenrol ? { reenrol } : {}) },
      {
        onSuccess: () => {
          message.success(t('sync.card.done', { office: view.officeName }));
          onDone();
        },
      },
    );

  const stateText =
    view.state === 'own'
      ? t('sync.card.own')
      : view.state === 'known'
        ? t('sync.card.known')
        : view.state === 'changed'
          ? t('sync.card.changed', { office: view.officeName, pinned: view.pinned.join(' / ') })
          : t('sync.card.new');

  const footer =
    view.state === 'own' ? (
      <Button onClick={onClose}>OK</Button>
    ) : view.state === 'changed' ? (
      <Space>
        <Button onClick={onClose}>{t('common:cancel')}</Button>
        <Button danger disabled={!confirmed} loading={busy} onClick={() => trust('add')} data-testid="keycard-add">
          {t('sync.card.add')}
        </Button>
        <Button type="primary" danger disabled={!confirmed} loading={busy} onClick={() => trust('replace')} data-testid="keycard-replace">
          {t('sync.card.replace')}
        </Button>
      </Space>
    ) : (
      <Space>
        <Button onClick={onClose}>{t('common:cancel')}</Button>
        <Button type="primary" disabled={!confirmed} loading={busy} onClick={() => trust()} data-testid="keycard-trust">
          {t('sync.card.trust')}
        </Button>
      </Space>
    );

  return (
    <Modal open title={t('sync.card.title', { office: view.officeName })} onCancel={onClose} footer={footer} width={640} destroyOnHidden>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="keycard-modal">
        <Typography.Text type="secondary">{t('sync.card.fingerprint')}</Typography.Text>
        <Fingerprint value={view.fingerprint} testId="keycard-fingerprint" />
        <Alert type={view.state === 'changed' ? 'warning' : 'info'} showIcon title={stateText} />
        {view.state !== 'own' && (
          <>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{t('sync.card.compare', { office: view.officeName })}</Typography.Paragraph>
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="keycard-confirmed">
              {t('sync.card.confirmed')}
            </Checkbox>
          </>
        )}
        {importing.error && <Alert type="error" showIcon title={errorText(t, importing.error)} />}
      </Space>
    </Modal>
  );
}
