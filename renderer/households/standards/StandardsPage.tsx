import { useState } from 'react';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { indicatorsOf, type PovertyStandard, type YearStandard } from '../../../electron/contract/households';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { formatDate, formatNumber } from '../../i18n/format';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { fileToBase64, saveFile } from '../../ui/saveFile';
import { StandardPreviewPanel } from './StandardPreviewPanel';
import { YearSelect } from '../YearSelect';
import { useReviewYear } from '../useReviewYear';
import { vnYear } from '../../../electron/domain/calendar';
import '../households.css';

/**
 * #/standards: the poverty standard of each review year 2021–2030 and what it rests on — a
 * built-in with the pages its values were checked on, one the Sở sent (when, by whom), or, for
 * a year whose decree the app does not hold in full (2027–2030), what is known and what is
 * missing. The Sở loads a standard here — from the Excel template (preview first, then apply)
 * or a JSON file — and it reaches the offices in their next bundle.
 */
export function StandardsPage(): React.JSX.Element {
  const { t, i18n } = useTranslation('households');
  const { message } = App.useApp();
  const overview = useOpQuery('households.standards.list', {});
  const importing = useOpMutation('households.standards.importJson');
  const removing = useOpMutation('households.standards.remove');
  const template = useOpMutation('households.standards.template');
  const previewing = useOpMutation('households.standards.previewXlsx');
  const applying = useOpMutation('households.standards.importXlsx');
  /** The workbook being previewed: applied as read again by the core, never as the preview's data. */
  const [workbook, setWorkbook] = useState<{ base64: string; fileName: string } | null>(null);
  const canLoad = overview.data?.canLoad === true;
  // The year the household screens show (this year in Vietnam unless another was picked there).
  const [year, setYear] = useReviewYear(vnYear(Date.now()));
  const selected = overview.data?.years.find((y) => y.year === year);

  const preview = (file: File): void => {
    previewing.reset();
    applying.reset();
    setWorkbook(null);
    void fileToBase64(file).then((base64) => {
      previewing.mutate({ base64, fileName: file.name }, { onSuccess: () => setWorkbook({ base64, fileName: file.name }) });
    });
  };
  const apply = (): void => {
    if (!workbook) return;
    applying.mutate(workbook, {
      onSuccess: () => {
        setWorkbook(null);
        previewing.reset();
        void message.success(t('standards.loaded'));
      },
    });
  };

  const load = (file: File): void => {
    importing.reset();
    void fileToBase64(file)
      .then((base64) => importing.mutateAsync({ base64, fileName: file.name }))
      .then(
        () => void message.success(t('standards.loaded')),
        () => undefined, // shown from importing.error
      );
  };

  return (
    <div className="hh-page">
      <div className="sv-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('standards.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
            {t('common:back')}
          </Button>
          {canLoad && (
            <Button
              icon={<DownloadOutlined />}
              loading={template.isPending}
              onClick={() => template.mutate({}, { onSuccess: saveFile, onError: (e) => void message.error(errorText(t, e)) })}
              data-testid="standard-template"
            >
              {t('standards.template')}
            </Button>
          )}
          {canLoad && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                preview(file);
                return false;
              }}
            >
              <Button type="primary" icon={<FileExcelOutlined />} loading={previewing.isPending} data-testid="standard-import-xlsx">
                {t('standards.importXlsx')}
              </Button>
            </Upload>
          )}
          {canLoad && (
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                load(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importing.isPending} data-testid="standard-import">
                {t('standards.import')}
              </Button>
            </Upload>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('standards.help')}</Typography.Paragraph>
      {overview.data && (
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <YearSelect year={year} years={[]} onChange={setYear} testId="standard-applies-year" />
          {selected && (
            <Typography.Text strong data-testid="standard-applies">
              {appliesText(t, selected, i18n.language === 'en')}
            </Typography.Text>
          )}
        </Space>
      )}
      {overview.data && !canLoad && <Typography.Paragraph type="secondary">{t('standards.soOnly')}</Typography.Paragraph>}
      {previewing.error && <Alert type="error" showIcon title={errorText(t, previewing.error)} style={{ marginBottom: 12 }} data-testid="standard-xlsx-error" />}
      {applying.error && <Alert type="error" showIcon title={errorText(t, applying.error)} style={{ marginBottom: 12 }} data-testid="standard-xlsx-error" />}
      {workbook && previewing.data && (
        <StandardPreviewPanel
          preview={previewing.data}
          fileName={workbook.fileName}
          applying={applying.isPending}
          onApply={apply}
          onCancel={() => {
            setWorkbook(null);
            previewing.reset();
          }}
        />
      )}
      {importing.error && <Alert type="error" showIcon title={errorText(t, importing.error)} style={{ marginBottom: 12 }} data-testid="standard-import-error" />}
      {removing.error && <Alert type="error" showIcon title={errorText(t, removing.error)} style={{ marginBottom: 12 }} />}
      {overview.error && <Alert type="error" showIcon title={errorText(t, overview.error)} />}
      {groups(overview.data?.years ?? []).map((g) => (
        <YearGroup
          key={`${g.from}-${g.to}`}
          from={g.from}
          to={g.to}
          entry={g.entry}
          canRemove={canLoad}
          onRemove={(standardId) => removing.mutate({ standardId }, { onSuccess: () => void message.success(t('standards.removed')) })}
        />
      ))}
    </div>
  );
}

/** One sentence: which text a review year's standard rests on. */
function appliesText(t: TFunction, y: YearStandard, english: boolean): string {
  switch (y.status) {
    case 'builtIn':
      return y.yearNote
        ? t('standards.applies.note', { year: y.year, title: y.standard.title, note: english ? y.yearNote.textEn : y.yearNote.text })
        : t('standards.applies.builtIn', { year: y.year, title: y.standard.title, legalBasis: y.standard.legalBasis });
    case 'fromSo':
      return t('standards.applies.fromSo', { year: y.year, title: y.standard.title, legalBasis: y.standard.legalBasis, unit: y.sent.ownerName, date: formatDate(y.sent.importedAt) });
    case 'notLoaded':
      return t('standards.applies.notLoaded', { year: y.year, legalBasis: y.known.legalBasis });
    default:
      return t('standards.applies.none', { year: y.year });
  }
}

/** Consecutive years with the same standard (or the same missing decree) shown once: "2022–2026". */
function groups(years: readonly YearStandard[]): Array<{ from: number; to: number; entry: YearStandard }> {
  const out: Array<{ from: number; to: number; entry: YearStandard }> = [];
  for (const y of years) {
    const last = out[out.length - 1];
    if (last && last.to === y.year - 1 && keyOf(last.entry) === keyOf(y)) last.to = y.year;
    else out.push({ from: y.year, to: y.year, entry: y });
  }
  return out;
}

function keyOf(y: YearStandard): string {
  switch (y.status) {
    case 'builtIn':
    case 'fromSo':
      return `${y.status}:${y.standard.id}`;
    case 'notLoaded':
      return `notLoaded:${y.known.id}`;
    default:
      return 'none';
  }
}

function YearGroup(props: { from: number; to: number; entry: YearStandard; canRemove: boolean; onRemove: (standardId: string) => void }): React.JSX.Element {
  const { t } = useTranslation('households');
  const { from, to, entry } = props;
  const years = from === to ? String(from) : `${from}–${to}`;
  return (
    <div className="hh-score-table" data-testid="standard-year" data-years={years} data-status={entry.status}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('standards.year')} {years}
        {' — '}
        {entry.status === 'builtIn' && <Tag color="blue">{t('standards.builtIn')}</Tag>}
        {entry.status === 'fromSo' && (
          <Tag color="green">
            {t('standards.fromSo', { unit: entry.sent.ownerName, date: formatDate(entry.sent.importedAt) })}
            {entry.sent.replacesBuiltIn ? ` (${t('standards.replaces')})` : ''}
          </Tag>
        )}
        {entry.status === 'notLoaded' && <Tag color="orange">{t('standards.notLoaded')}</Tag>}
      </Typography.Title>
      {(entry.status === 'builtIn' || entry.status === 'fromSo') && <StandardFacts standard={entry.standard} />}
      {entry.status === 'builtIn' && entry.unverified.length > 0 && (
        <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
          {t('standards.unverified')}: {entry.unverified.join('; ')}
        </Typography.Paragraph>
      )}
      {entry.status === 'fromSo' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('standards.loadedBy', { name: entry.sent.importedBy, file: entry.sent.fileName || '—' })}
          {props.canRemove && (
            <Popconfirm title={t('standards.remove')} onConfirm={() => props.onRemove(entry.standard.id)}>
              <Button size="small" danger style={{ marginLeft: 12 }} data-testid="standard-remove">
                {t('standards.remove')}
              </Button>
            </Popconfirm>
          )}
        </Typography.Paragraph>
      )}
      {entry.status === 'notLoaded' && (
        <Alert
          type="warning"
          showIcon
          data-testid="standard-missing"
          title={t('standards.notLoadedText', { legalBasis: entry.known.legalBasis, year: years })}
          description={
            <>
              <div>
                {t('standards.known')}: {entry.known.known.map((k) => (k.value !== undefined ? `${k.what}: ${formatNumber(k.value)}` : k.what)).join('; ')}
              </div>
              <div>
                {t('standards.missing')}: {entry.missing.map((m) => t(`standards.missingPart.${m}`)).join('; ')}
              </div>
            </>
          }
        />
      )}
      {entry.status === 'none' && <Typography.Paragraph type="secondary">{t('standards.none')}</Typography.Paragraph>}
      {(entry.status === 'builtIn' || entry.status === 'fromSo' || entry.status === 'notLoaded') && (
        <Sources sources={entry.status === 'notLoaded' ? entry.known.sources : entry.sources} />
      )}
    </div>
  );
}

function StandardFacts({ standard }: { standard: PovertyStandard }): React.JSX.Element {
  const { t } = useTranslation('households');
  const { rural, urban } = standard.lines;
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('standards.standard')}>{`${standard.title} — ${standard.legalBasis}`}</Descriptions.Item>
      <Descriptions.Item label={t('standards.lines')}>
        {t('standards.linesText', {
          ruralPoverty: formatNumber(rural.poverty),
          ruralMedium: formatNumber(rural.medium),
          urbanPoverty: formatNumber(urban.poverty),
          urbanMedium: formatNumber(urban.medium),
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('standards.indicators', { count: indicatorsOf(standard).length })}>
        {indicatorsOf(standard)
          .map((i) => i.name)
          .join(', ')}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Sources({ sources }: { sources: ReadonlyArray<{ value: string; document?: string | undefined; readOn?: string | undefined }> }): React.JSX.Element | null {
  const { t } = useTranslation('households');
  if (sources.length === 0) return null;
  return (
    <details style={{ marginTop: 8 }}>
      <summary>{t('standards.citations')}</summary>
      <ul>
        {sources.map((s, i) => (
          <li key={i}>
            {s.document ? <strong>{s.document}: </strong> : null}
            {s.value}
            {s.readOn ? <Typography.Text type="secondary"> — {s.readOn}</Typography.Text> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
