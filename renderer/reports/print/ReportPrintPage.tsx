import { Alert, Button, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { OfficialDocument } from '../../ui/print/OfficialDocument';
import { ReportBody } from './ReportBody';

/** #/report-print/<formId>/<period>/<accepted|all>: the consolidated BÁO CÁO, ready to print. */
export function ReportPrintPage({ params }: { params: string[] }): React.JSX.Element {
  const { t, i18n } = useTranslation('reports');
  // The paper is Vietnamese whatever the interface language; the bodies named are the profile's.
  const vi = i18n.getFixedT('vi', 'reports');
  const [formId = '', period = '', which = 'all'] = params;
  const q = useOpQuery('reports.printData', { formId, period, acceptedOnly: which === 'accepted' });
  if (q.error) return <Alert type="error" showIcon title={errorText(t, q.error)} />;
  if (!q.data) return <Spin />;
  const d = q.data;
  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('reports', 'totals')}>
          {t('print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
          {t('print.print')}
        </Button>
        <span className="muted">{t('print.hint')}</span>
      </Space>
      <OfficialDocument
        parentBody={d.issuer.parentBody}
        issuer={d.issuer.name}
        issuerSymbol={d.issuer.symbol}
        kindCode="BC"
        kind="BÁO CÁO"
        subject={d.subject}
        place={d.issuer.place}
        date={d.date}
        recipients={[
          vi('print.recipientProvince'),
          vi('print.recipientMinistry'),
          vi('print.recipientLeaders'),
          vi('print.recipientLower'),
          vi('print.recipientArchive'),
        ]}
        authority="KT. GIÁM ĐỐC"
        signerTitle="PHÓ GIÁM ĐỐC"
      >
        <ReportBody data={d} />
      </OfficialDocument>
    </div>
  );
}
