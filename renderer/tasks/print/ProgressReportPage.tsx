import { Alert, Button, Empty, Select, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import { foldFilter } from '../../ui/filter';
import { Nd30Report } from './Nd30Report';

/** #/print/progress[/<office>]: the printable report; everything but the paper is hidden in print. */
export function ProgressReportPage({ params }: { params: string[] }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const session = useSession();
  const profile = useOpQuery('app.profile', {});
  const office = session.role === 'office' ? undefined : params[1];
  if (params[0] !== 'progress') return <Empty description={t('print.unknown')} />;
  const offices = (profile.data?.units ?? []).filter((u) => u.type !== 'department');
  return (
    <div>
      <Space className="no-print" wrap style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => window.history.back()}>
          {t('common:back')}
        </Button>
        {session.role === 'so' && (
          <Select
            style={{ width: 340 }}
            value={office}
            placeholder={t('print.chooseOffice')}
            onChange={(v: string) => navigate('print', 'progress', v)}
            showSearch={{ filterOption: foldFilter }}
            options={offices.map((u) => ({ value: u.code, label: u.shortName }))}
            data-testid="print-office"
          />
        )}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={session.role === 'so' && !office} data-testid="print-button">
          {t('print.print')}
        </Button>
        <span className="muted">{t('print.hint')}</span>
      </Space>
      {session.role === 'so' && !office ? <Empty description={t('print.chooseOffice')} /> : <Report office={office} profile={profile.data} />}
    </div>
  );
}

function Report({ office, profile }: { office: string | undefined; profile: Parameters<typeof Nd30Report>[0]['profile'] }): React.JSX.Element {
  const { t } = useTranslation('tasks');
  const q = useOpQuery('exports.progressReport', office ? { office } : {});
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  return <Nd30Report data={q.data} profile={profile} />;
}
