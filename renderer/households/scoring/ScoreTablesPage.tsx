import { Alert, App, Button, Descriptions, Space, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ScoreTableView } from '../../../electron/contract/households';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { fileToBase64, saveFile } from '../../ui/saveFile';
import { useReviewYear } from '../useReviewYear';
import { YearSelect } from '../YearSelect';
import '../households.css';

/**
 * #/score-tables: the Phiếu B score tables this installation holds. The app ships none (the
 * ministry's table could not be read), so the Sở — or an office, until the Sở sends one — loads
 * it from the template filled in from the circular's annex.
 */
export function ScoreTablesPage(): React.JSX.Element {
  const { t } = useTranslation('households');
  const { message } = App.useApp();
  const meta = useOpQuery('households.meta', {});
  const [year, setYear] = useReviewYear(meta.data?.defaultYear);
  const tables = useOpQuery('households.scoring.tables', {});
  const importing = useOpMutation('households.scoring.importXlsx');
  const template = useOpMutation('households.scoring.template');
  const official = (tables.data ?? []).filter((v) => !v.table.testOnly);

  const load = (file: File): void => {
    importing.reset();
    void fileToBase64(file)
      .then((base64) => importing.mutateAsync({ base64, fileName: file.name }))
      .then(
        (v) => void message.success(t('scoring.loaded', { title: v.table.title })),
        () => undefined, // shown from importing.error
      );
  };

  return (
    <div className="hh-page">
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('scoring.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
            {t('common:back')}
          </Button>
          <YearSelect year={year} years={meta.data?.years ?? []} onChange={setYear} testId="score-template-year" />
          <Button
            icon={<DownloadOutlined />}
            loading={template.isPending}
            disabled={year === undefined}
            onClick={() => year !== undefined && template.mutate({ year }, { onSuccess: saveFile, onError: (e) => void message.error(errorText(t, e)) })}
            data-testid="score-template"
          >
            {t('scoring.template')}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              load(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={importing.isPending} data-testid="score-import">
              {t('scoring.import')}
            </Button>
          </Upload>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('scoring.help')}</Typography.Paragraph>
      {importing.error && <Alert type="error" showIcon title={errorText(t, importing.error)} style={{ marginBottom: 12 }} data-testid="score-import-error" />}
      {tables.data && official.length === 0 && <Alert type="warning" showIcon title={t('scoring.noOfficial')} style={{ marginBottom: 12 }} data-testid="no-official-table" />}
      {(tables.data ?? []).map((v) => (
        <TableCard key={v.docId} view={v} />
      ))}
    </div>
  );
}

function TableCard({ view }: { view: ScoreTableView }): React.JSX.Element {
  const { t } = useTranslation('households');
  const tb = view.table;
  return (
    <div className="hh-score-table" data-testid="score-table">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {tb.title} {tb.testOnly && <Tag color="red">{t('scoring.testOnly')}</Tag>}
      </Typography.Title>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('scoring.region')}>{`${tb.region} (${tb.provinces.join(', ')})`}</Descriptions.Item>
        <Descriptions.Item label={t('scoring.years')}>{`${tb.years.from}–${tb.years.to}`}</Descriptions.Item>
        <Descriptions.Item label={t('scoring.legalBasis')}>{tb.legalBasis}</Descriptions.Item>
        <Descriptions.Item label={t('scoring.source')}>{tb.source}</Descriptions.Item>
        <Descriptions.Item label={t('scoring.questions')}>{tb.questions.length}</Descriptions.Item>
        <Descriptions.Item label={t('scoring.points')}>{tb.pointsPerIndicator}</Descriptions.Item>
        <Descriptions.Item label={t('scoring.loadedBy')} span={2}>
          {t('scoring.loadedByText', { unit: view.ownerName, name: view.importedBy, file: view.fileName || '—' })}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
