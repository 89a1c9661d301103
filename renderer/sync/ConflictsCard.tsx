import { Alert, App, Button, Card, Col, Empty, List, Row, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConflictVersion, ConflictView } from '../../electron/contract/sync';
import { useOpMutation, useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { formatDateTime } from '../i18n/format';

/** Fields worth showing side by side; anything else is summarised as JSON. */
const SHOWN = ['title', 'content', 'status', 'percent', 'narrative', 'reason', 'comment', 'outcome', 'updatedBy', 'updatedAt'];

function VersionText({ v }: { v: ConflictVersion | null }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  if (!v) return <span className="muted">{t('sync.conflicts.none')}</span>;
  if (v.deleted) return <span className="muted">{t('sync.conflicts.deleted')}</span>;
  const shown = SHOWN.filter((k) => v.data[k] !== undefined && v.data[k] !== null && v.data[k] !== '');
  if (shown.length === 0) return <Typography.Text code>{JSON.stringify(v.data).slice(0, 300)}</Typography.Text>;
  return (
    <div>
      {shown.map((k) => (
        <div key={k}>
          <span className="muted">{k}: </span>
          {k === 'updatedAt' ? formatDateTime(String(v.data[k])) : String(v.data[k])}
        </div>
      ))}
    </div>
  );
}

/** Versions of one record written on two PCs without seeing each other: keep the one in use, or pick the other. */
export function ConflictsCard({ onChanged }: { onChanged: () => void }): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const { message } = App.useApp();
  const q = useOpQuery('sync.conflicts', {});
  const resolving = useOpMutation('sync.conflicts.resolve');
  const resolve = (c: ConflictView, choice: 'current' | 'other'): void =>
    resolving.mutate({ id: c.id, choice }, { onSuccess: onChanged, onError: (e) => void message.error(errorText(t, e)) });
  const list = q.data ?? [];
  return (
    <Card title={t('sync.conflicts.title')} data-testid="conflicts-card">
      {q.error && <Alert type="error" showIcon title={errorText(t, q.error)} />}
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sync.conflicts.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('sync.conflicts.intro')}</Typography.Paragraph>
          <List
            dataSource={list}
            renderItem={(c) => (
              <List.Item key={c.id} data-testid="conflict">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <strong>{t('sync.conflicts.record', { kind: t(`sync.kinds.${c.kind}`), office: c.ownerName })}</strong>
                    <span className="muted">{t('sync.conflicts.detected', { at: formatDateTime(c.detectedAt) })}</span>
                  </Space>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <div className="sv-conflict-version">
                        <Typography.Text strong>{t('sync.conflicts.current')}</Typography.Text>
                        <VersionText v={c.current} />
                        <Button size="small" style={{ marginTop: 8 }} onClick={() => resolve(c, 'current')} data-testid="conflict-keep">
                          {t('sync.conflicts.keep')}
                        </Button>
                      </div>
                    </Col>
                    <Col xs={24} md={12}>
                      <div className="sv-conflict-version">
                        <Typography.Text strong>{t('sync.conflicts.other')}</Typography.Text>
                        <VersionText v={c.other} />
                        <Tooltip title={c.canPick ? '' : t('sync.conflicts.pickOwnerOnly', { office: c.ownerName })}>
                          <Button size="small" type="primary" style={{ marginTop: 8 }} disabled={!c.canPick} onClick={() => resolve(c, 'other')} data-testid="conflict-pick">
                            {t('sync.conflicts.pick')}
                          </Button>
                        </Tooltip>
                      </div>
                    </Col>
                  </Row>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
