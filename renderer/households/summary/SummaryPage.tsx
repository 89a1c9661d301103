import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { YearSelect } from '../YearSelect';
import { ArrowLeftOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SummaryRow } from '../../../electron/contract/households';
import { summaryCell } from '../../../electron/domain/households/summary';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { formatNumber } from '../../i18n/format';
import { savePersonalFile } from '../personalData';
import { useReviewYear } from '../useReviewYear';
import { SUMMARY_COLUMNS } from './columns';
import '../households.css';

type Line = SummaryRow & { rowClass?: string };

/** #/households-summary: the review's summary per commune (per district at the Sở). */
export function SummaryPage(): React.JSX.Element {
  const { t } = useTranslation('households');
  const { modal, message } = App.useApp();
  const meta = useOpQuery('households.meta', {});
  const [year, setYear] = useReviewYear(meta.data?.defaultYear);
  const view = useOpQuery('households.summary', { year: year ?? 2000 });
  const exporting = useOpMutation('households.summaryXlsx');
  const s = view.data?.summary;
  const province = view.data?.scope === 'province';
  const lines: Line[] = s
    ? [...s.rows, { ...s.rural, rowClass: 'hh-sum-area' }, { ...s.urban, rowClass: 'hh-sum-area' }, { ...s.total, rowClass: 'hh-sum-total' }]
    : [];

  // A commune's total not entered leaves the table's total unknown: then say where to enter it.
  // An area row with no commune of its kind (the rural row of a ward) shows "—" alone.
  const notKnown = s !== undefined && s.total.households === null;

  const exportXlsx = (): void => {
    if (!year) return;
    exporting.mutate(
      { year },
      {
        onSuccess: async (file) => {
          if (await savePersonalFile(modal, t, file)) message.success(t('summary.exported'));
        },
        onError: (e) => void message.error(errorText(t, e)),
      },
    );
  };

  return (
    <div className="hh-page">
      <div className="sv-page-head">
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {province ? t('summary.titleProvince') : t('summary.title')}
          </Typography.Title>
          <YearSelect year={year} years={meta.data?.years ?? []} onChange={setYear} testId="summary-year" />
        </Space>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
            {t('form.backToList')}
          </Button>
          <Button icon={<FileExcelOutlined />} loading={exporting.isPending} onClick={exportXlsx} data-testid="summary-export">
            {t('summary.export')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => navigate('households-print', String(year ?? ''))} data-testid="summary-print">
            {t('summary.print')}
          </Button>
        </Space>
      </div>
      {view.error && <Alert type="error" showIcon title={errorText(t, view.error)} style={{ marginBottom: 12 }} />}
      {view.data && <Typography.Paragraph type="secondary">{t('summary.basis', { standard: view.data.standardTitle })}</Typography.Paragraph>}
      {view.data && (
        <Typography.Paragraph type="secondary" data-testid="summary-medium-note">
          {t('summary.mediumNote')}
        </Typography.Paragraph>
      )}
      {s && s.total.total === 0 && (
        <Alert type="info" showIcon title={province ? t('summary.emptySo', { year }) : t('summary.empty', { year })} style={{ marginBottom: 12 }} data-testid="summary-empty" />
      )}
      <Table<Line>
        className="hh-summary-table"
        data-testid="summary-table"
        size="small"
        bordered
        loading={view.isFetching}
        pagination={false}
        rowKey="key"
        dataSource={lines}
        rowClassName={(r) => r.rowClass ?? ''}
        sticky
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: province ? t('summary.colDistrict') : t('summary.colCommune'),
            key: 'unit',
            fixed: 'left',
            width: 210,
            render: (_, r) =>
              r.labelKey ? (
                t(r.labelKey)
              ) : (
                <>
                  {r.label}
                  {r.former && (
                    <Tag style={{ marginLeft: 6 }} data-testid={`former-${r.key}`}>
                      {t('app:profile.formerUnit')}
                    </Tag>
                  )}
                </>
              ),
          },
          ...SUMMARY_COLUMNS.map((c) => ({
            title: t(`summary.column.${c}`),
            key: c,
            // Wide enough for a two-word header ("Thoát nghèo") on one line: 104 px wrapped it word by word.
            width: 120,
            align: 'right' as const,
            // The header already says "(%)", as on the printed report. A total of households not
            // known is "—" (as on paper and in Excel), with where to enter it; its rates stay blank.
            render: (_: unknown, r: Line) => {
              const v = summaryCell(r, c);
              if (typeof v === 'number') return formatNumber(v);
              if (v === null) return '';
              if (!notKnown) return v;
              return (
                <Tooltip title={t('summary.notKnownCell', { year })}>
                  <span data-testid={`not-known-${r.key}`}>{v}</span>
                </Tooltip>
              );
            },
          })),
        ]}
      />
      {notKnown && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="summary-not-known">
          {province ? t('summary.notKnownNoteSo', { year }) : t('summary.notKnownNote', { year })}{' '}
          {!province && (
            <Typography.Link onClick={() => navigate('communes')} data-testid="summary-open-communes">
              {t('summary.openCommunes')}
            </Typography.Link>
          )}
        </Typography.Paragraph>
      )}
    </div>
  );
}
