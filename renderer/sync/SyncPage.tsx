import { Alert, Col, Row, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../api/hooks';
import { errorText } from '../ui/errorText';
import { ConflictsCard } from './ConflictsCard';
import { EnrolCard } from './EnrolCard';
import { ExportPanel } from './ExportPanel';
import { IdentityCard } from './IdentityCard';
import { ImportPanel } from './ImportPanel';
import { PeersCard } from './PeersCard';
import './sync.css';

/** "Gửi/nhận dữ liệu": this PC's identity and key files, the offices it trusts, export, import, conflicts. */
export function SyncPage(): React.JSX.Element {
  const { t } = useTranslation('bundles');
  const status = useOpQuery('sync.status', {});
  const s = status.data;
  const client = useQueryClient();
  // Every sync write (import, key cards, peers, conflicts) may change records of any feature.
  const reload = (): void => void client.invalidateQueries();
  return (
    <div className="sv-sync" data-testid="sync-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('sync.intro')}
      </Typography.Paragraph>
      {status.error && <Alert type="error" showIcon title={errorText(t, status.error)} style={{ marginBottom: 16 }} />}
      {!s ? (
        <Spin />
      ) : (
        <>
          <IdentityCard status={s} />
          <PeersCard status={s} />
          <EnrolCard status={s} />
          <Row gutter={16}>
            <Col xs={24} xxl={12}>
              <ExportPanel status={s} />
            </Col>
            <Col xs={24} xxl={12}>
              <ImportPanel status={s} />
            </Col>
          </Row>
          <ConflictsCard key={s.openConflicts} onChanged={reload} />
        </>
      )}
    </div>
  );
}
