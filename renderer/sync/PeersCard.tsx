import { Alert, App, Button, Card, Empty, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeerView, ReenrolMode, SyncStatus } from '../../electron/contract/sync';
import { useOpMutation } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { formatDateTime } from '../i18n/format';
import { Fingerprint } from './Fingerprint';

/** The offices (PCs) this one trusts, with what was sent, acknowledged and is waiting. */
export function PeersCard({ status }: { status: SyncStatus }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const failed = (e: Error): void => void message.error(errorText(t, e));
  const reenrolling = useOpMutation('sync.peers.reenrol');
  const confirming = useOpMutation('sync.peers.confirm');
  const seqAt = (x: { seq: number; at: string } | null): React.JSX.Element =>
    x ? (
      <Space orientation="vertical" size={0}>
        <span className="sv-nowrap">{t('sync.peers.seq', { seq: x.seq })}</span>
        <span className="muted sv-nowrap">{formatDateTime(x.at)}</span>
      </Space>
    ) : (
      <span className="muted">{t('sync.peers.never')}</span>
    );
  const reenrol = (k: SyncStatus['pending'][number], mode: ReenrolMode): void =>
    reenrolling.mutate(
      { office: k.office, installation: k.installation, fingerprint: k.fingerprint, mode },
      { onSuccess: () => void message.success(t('sync.peers.reenrolled', { office: k.officeName })), onError: failed },
    );

  return (
    <Card title={t('sync.peers.title')} data-testid="peers-card">
      {status.pending.map((k) => (
        <Alert
          key={`${k.office}/${k.installation}/${k.fingerprint}`}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="pending-key"
          title={t('sync.peers.pendingTitle', { office: k.officeName })}
          description={
            <Space orientation="vertical">
              <span>{t('sync.peers.pendingText', { installation: k.installation.slice(-6), fingerprint: k.fingerprint, pinned: k.pinned.join(' / ') })}</span>
              <Space wrap>
                <Button danger onClick={() => reenrol(k, 'replace')} data-testid="reenrol-replace">
                  {t('sync.card.replace')}
                </Button>
                <Button onClick={() => reenrol(k, 'add')} data-testid="reenrol-add">
                  {t('sync.card.add')}
                </Button>
              </Space>
            </Space>
          }
        />
      ))}
      {status.peers.length === 0 ? (
        <Empty description={t('sync.peers.empty')} />
      ) : (
        <Table<PeerView>
          size="small"
          pagination={false}
          rowKey={(p) => `${p.office}/${p.installation}`}
          dataSource={status.peers}
          // The columns' own widths: at 1024 px the table scrolls sideways with the office kept in view,
          // instead of squeezing the office's name into one word per line.
          scroll={{ x: 1010 }}
          data-testid="peers-table"
          columns={[
            {
              title: t('sync.peers.office'),
              width: 190,
              fixed: 'left',
              render: (_, p) => (
                <Space orientation="vertical" size={0}>
                  <strong>{p.officeName}</strong>
                  <span className="muted">{p.ownOffice ? t('sync.peers.ownOffice') : t('sync.peers.machine', { id: p.installation.slice(-6) })}</span>
                </Space>
              ),
            },
            { title: t('sync.peers.fingerprint'), width: 200, render: (_, p) => <Fingerprint value={p.fingerprint} size="small" /> },
            {
              title: t('sync.peers.confirmed'),
              width: 120,
              render: (_, p) => (
                <Switch
                  checked={p.confirmedByPhone}
                  data-testid={`confirm-${p.office}`}
                  onChange={(confirmed) => confirming.mutate({ office: p.office, installation: p.installation, confirmed }, { onError: failed })}
                />
              ),
            },
            { title: t('sync.peers.lastSent'), width: 130, render: (_, p) => seqAt(p.lastSent) },
            { title: t('sync.peers.lastAcknowledged'), width: 130, render: (_, p) => seqAt(p.lastAcknowledged) },
            { title: t('sync.peers.lastReceived'), width: 130, render: (_, p) => seqAt(p.lastReceived) },
            {
              title: t('sync.peers.waiting'),
              width: 110,
              render: (_, p) => (
                <Space orientation="vertical" size={0}>
                  {p.canExport ? <Tag color={p.waiting > 0 ? 'orange' : 'green'}>{t('sync.peers.records', { count: p.waiting })}</Tag> : '—'}
                  {p.gaps.length > 0 && <span className="muted">{t('sync.peers.gaps', { list: p.gaps.join(', ') })}</span>}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
