import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, List, Row, Select, Space, Tag, Typography } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../electron/contract/sync';
import type { TransportStatus, TransportView } from '../../electron/contract/transport';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { formatDateTime } from '../i18n/format';
import { errorText } from '../ui/errorText';
import { BundleReportView } from './BundleReportView';
import { parsePeers } from './peersText';
import './sync.css';

const STATE_COLOR: Record<string, string> = { waiting: 'processing', sent: 'blue', acknowledged: 'success', failed: 'error' };
type Security = 'tls' | 'starttls' | 'none';

/** "Gửi/nhận tự động": the shared folder and the mailbox, the outbox, and bundles waiting for a person. */
export function TransportPage(): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const list = useOpQuery('sync.transports.list', {});
  const status = useOpQuery('sync.transports.status', {}, { refetchInterval: 3_000 });
  const runNow = useOpMutation('sync.run');
  const s = status.data;
  return (
    <div className="sv-transport" data-testid="transport-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('transport.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('transport.intro')}
      </Typography.Paragraph>
      {s && (
        <Card
          title={
            <Space>
              <span>{t('transport.outbox')}</span>
              <Tag data-testid="transport-state" data-light={s.light}>
                {s.configured === 0 ? t('transport.light.none') : t(`transport.light.${s.light}`)}
              </Tag>
            </Space>
          }
          extra={
            <Button
              icon={<CloudSyncOutlined />}
              disabled={s.configured === 0}
              loading={runNow.isPending}
              data-testid="transport-run"
              onClick={() => runNow.mutate({}, { onSuccess: (r) => void message.success(t('transport.ran', { built: r.built, sent: r.sent, imported: r.imported, held: r.held })), onError: (e) => void message.error(errorText(t, e)) })}
            >
              {t('transport.runNow')}
            </Button>
          }
        >
          <List
            size="small"
            dataSource={[...s.entries].reverse().slice(0, 12)}
            locale={{ emptyText: s.configured === 0 ? t('transport.none') : ' ' }}
            renderItem={(e) => (
              <List.Item>
                <Space wrap>
                  <span>{t('transport.entry', { seq: e.seq, to: e.toName })}</span>
                  <Tag color={STATE_COLOR[e.state]}>{t(`transport.state.${e.state}`)}</Tag>
                  {e.lastError && (
                    <span className="muted">
                      {e.lastError.reason}
                      {e.nextTryAt ? ` — ${t('transport.retryAt', { at: formatDateTime(e.nextTryAt) })}` : ''}
                    </span>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {s && s.held.length > 0 && <HeldCard status={s} />}
      <Configured transports={list.data ?? []} />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <FolderForm />
        </Col>
        <Col xs={24} xl={12}>
          <EmailForm />
        </Col>
      </Row>
    </div>
  );
}

function Configured({ transports }: { transports: TransportView[] }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const check = useOpMutation('sync.transports.check');
  const remove = useOpMutation('sync.transports.remove');
  return (
    <Card title={t('transport.configured')} data-testid="transport-list">
      <List
        size="small"
        dataSource={transports}
        locale={{ emptyText: t('transport.none') }}
        renderItem={(x) => (
          <List.Item
            actions={[
              <Button
                key="check"
                size="small"
                data-testid={`transport-check-${x.type}`}
                onClick={() =>
                  check.mutate(
                    { id: x.id },
                    { onSuccess: (r) => void (r.ok ? message.success(t('transport.checkOk')) : message.error(t('transport.checkFailed', { reason: r.reason ?? '' }))) },
                  )
                }
              >
                {t('transport.check')}
              </Button>,
              <Button key="remove" size="small" danger onClick={() => remove.mutate({ id: x.id })}>
                {t('transport.remove')}
              </Button>,
            ]}
          >
            <Space wrap>
              <Tag>{x.type === 'folder' ? t('transport.folder') : t('transport.email')}</Tag>
              <span>{x.where}</span>
              {x.email && Object.entries(x.email.peers).map(([code, to]) => <Tag key={code}>{`${code} → ${to}`}</Tag>)}
              {!x.enabled && <Tag>{t('transport.off')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function FolderForm(): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const [form] = Form.useForm<{ pollSeconds: number }>();
  const sync = useOpQuery('sync.status', {});
  const picking = useOpMutation('dialog.pickFolder');
  const save = useOpMutation('sync.transports.saveFolder');
  // The window never names a path: the OS dialog's folder reaches the core as a handle.
  const [chosen, setChosen] = useState<{ handle: string; label: string } | null>(null);
  const canPick = sync.data?.canPickFolder ?? false;
  const pick = (): void =>
    picking.mutate({ purpose: 'transport' }, { onSuccess: (r) => void (r.handle && setChosen({ handle: r.handle, label: r.label ?? '' })) });
  const submit = (v: { pollSeconds: number }): void => {
    if (!chosen) return;
    save.mutate(
      { handle: chosen.handle, pollSeconds: v.pollSeconds },
      {
        onSuccess: () => {
          form.resetFields();
          setChosen(null);
        },
      },
    );
  };
  const error = save.error ?? picking.error;
  return (
    <Card title={t('transport.folderForm.title')}>
      {error && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 12 }} />}
      {sync.data && !canPick ? (
        <Alert type="info" showIcon title={t('transport.folderForm.noDialog')} data-testid="transport-folder-nodialog" />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ pollSeconds: 30 }} onFinish={submit} requiredMark={false}>
          <Form.Item label={t('transport.folderForm.root')} extra={t('transport.folderForm.rootHelp')}>
            <Space wrap>
              <Button onClick={pick} loading={picking.isPending} data-testid="transport-folder-pick">
                {t('transport.folderForm.pick')}
              </Button>
              {chosen && <span data-testid="transport-folder-chosen">{t('transport.folderForm.chosen', { label: chosen.label })}</span>}
            </Space>
          </Form.Item>
          <Form.Item name="pollSeconds" label={t('transport.folderForm.poll')}>
            <InputNumber min={2} max={3600} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!chosen} loading={save.isPending} data-testid="transport-folder-save">
            {t('transport.folderForm.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

interface EmailValues {
  address: string;
  user?: string;
  password: string;
  smtpHost: string;
  smtpPort: number;
  imapHost: string;
  imapPort: number;
  security: Security;
  peers: string;
  pollMinutes: number;
}

function EmailForm(): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const [form] = Form.useForm<EmailValues>();
  const save = useOpMutation('sync.transports.saveEmail');
  const submit = (v: EmailValues): void => {
    const { peers } = parsePeers(v.peers);
    save.mutate(
      {
        address: v.address,
        user: v.user?.trim() || v.address,
        password: v.password,
        smtp: { host: v.smtpHost, port: v.smtpPort, security: v.security },
        imap: { host: v.imapHost, port: v.imapPort, security: v.security },
        peers,
        pollMinutes: v.pollMinutes,
      },
      { onSuccess: () => form.resetFields() },
    );
  };
  return (
    <Card title={t('transport.emailForm.title')} data-testid="transport-email-form">
      {save.error && <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ smtpPort: 465, imapPort: 993, security: 'tls', pollMinutes: 5 }} onFinish={submit} requiredMark={false}>
        <Form.Item name="address" label={t('transport.emailForm.address')} rules={[{ required: true, type: 'email' }]}>
          <Input data-testid="transport-email-address" autoComplete="off" />
        </Form.Item>
        <Form.Item name="user" label={t('transport.emailForm.user')} extra={t('transport.emailForm.userHelp')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('transport.emailForm.password')} extra={t('transport.emailForm.passwordHelp')} rules={[{ required: true }]}>
          <Input.Password data-testid="transport-email-password" autoComplete="new-password" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="smtpHost" label={`${t('transport.emailForm.smtp')} — ${t('transport.emailForm.host')}`} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="transport-smtp-host" />
          </Form.Item>
          <Form.Item name="smtpPort" label={`${t('transport.emailForm.smtp')} — ${t('transport.emailForm.port')}`}>
            <InputNumber min={1} max={65535} data-testid="transport-smtp-port" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="imapHost" label={`${t('transport.emailForm.imap')} — ${t('transport.emailForm.host')}`} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="transport-imap-host" />
          </Form.Item>
          <Form.Item name="imapPort" label={`${t('transport.emailForm.imap')} — ${t('transport.emailForm.port')}`}>
            <InputNumber min={1} max={65535} data-testid="transport-imap-port" />
          </Form.Item>
        </Space>
        <Form.Item name="security" label={t('transport.emailForm.security')}>
          <Select
            data-testid="transport-security"
            options={[
              { value: 'tls', label: t('transport.emailForm.tls') },
              { value: 'starttls', label: t('transport.emailForm.starttls') },
              { value: 'none', label: t('transport.emailForm.plain') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="peers"
          label={t('transport.emailForm.peers')}
          extra={t('transport.emailForm.peersHelp')}
          rules={[
            { required: true, whitespace: true },
            {
              // A line that is not "code + mailbox" is named, not dropped: a dropped line is an office never written to.
              validator: async (_rule, value: string | undefined) => {
                const bad = parsePeers(value ?? '').bad;
                if (bad.length > 0) throw new Error(t('transport.emailForm.peersBad', { lines: bad.join(' | ') }));
              },
            },
          ]}
        >
          <Input.TextArea rows={3} data-testid="transport-email-peers" />
        </Form.Item>
        <Form.Item name="pollMinutes" label={t('transport.emailForm.poll')}>
          <InputNumber min={1} max={1440} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="transport-email-save">
          {t('transport.emailForm.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** Bundles that came by themselves but were not imported: a person looks, compares by phone, imports or discards. */
function HeldCard({ status }: { status: TransportStatus }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const inspect = useOpMutation('sync.transports.held.inspect');
  const importing = useOpMutation('sync.transports.held.import');
  const discard = useOpMutation('sync.transports.held.discard');
  const reenrol = useOpMutation('sync.peers.reenrol');
  const look = (): void => inspect.mutate({}, { onSuccess: setReport });
  const first = (report?.bundles ?? []).filter((b) => b.status === 'ready' && b.sender?.trust === 'firstContact');
  const fps = [...new Set(first.map((b) => b.sender?.fingerprint ?? ''))];
  const failed = inspect.error ?? importing.error ?? reenrol.error;
  return (
    <Card title={t('transport.held')} data-testid="transport-held">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('transport.heldHelp')}</Typography.Text>
        <List
          size="small"
          dataSource={status.held}
          renderItem={(h) => (
            <List.Item
              actions={[
                <Button key="discard" size="small" danger onClick={() => discard.mutate({ fileName: h.fileNames[0] ?? '' }, { onSuccess: () => setReport(null) })}>
                  {t('transport.remove')}
                </Button>,
              ]}
            >
              {t('transport.heldReason', { files: h.fileNames.join(' + '), reason: h.reason })}
            </List.Item>
          )}
        />
        {failed && <Alert type="error" showIcon title={errorText(t, failed)} />}
        <Button onClick={look} loading={inspect.isPending} data-testid="transport-held-inspect">
          {t('sync.import.choose')}
        </Button>
        {report?.bundles.map((b, i) => (
          <BundleReportView
            key={`${b.bundleId ?? ''}-${i}`}
            b={b}
            confirmed={confirmed.has(b.sender?.fingerprint ?? '')}
            onConfirm={(fp, ok) =>
              setConfirmed((prev) => {
                const next = new Set(prev);
                if (ok) next.add(fp);
                else next.delete(fp);
                return next;
              })
            }
            onReenrol={(mode) =>
              reenrol.mutate(
                { office: String(b.error?.params['officeCode'] ?? ''), installation: String(b.error?.params['installation'] ?? ''), fingerprint: String(b.error?.params['fingerprint'] ?? ''), mode },
                { onSuccess: look },
              )
            }
          />
        ))}
        {report && report.bundles.some((b) => b.status === 'ready') && (
          <Button
            type="primary"
            loading={importing.isPending}
            disabled={!first.every((b) => confirmed.has(b.sender?.fingerprint ?? '')) || fps.length > 1}
            data-testid="transport-held-import"
            onClick={() => importing.mutate(fps.length === 1 && fps[0] ? { expectFingerprint: fps[0] } : {}, { onSuccess: setReport })}
          >
            {t('sync.import.apply')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
