import { useState } from 'react';
import { Alert, App, Button, Input, Select, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PUBLIC_LIST_KINDS, type PublicListColumn, type PublicListKind, type PublicListRow, type PublicListView } from '../../../electron/contract/households';
import { say } from '../../../electron/domain/i18n/keys';
import { publicListCell } from '../../../electron/domain/households/publicLists';
import { formatNumber } from '../../i18n/format';
import { useOpMutation, useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { Nd30Header } from '../../ui/print/Nd30Header';
import { Nd30Signature } from '../../ui/print/Nd30Signature';
import { savePersonalFile } from '../personalData';
import { YearSelect } from '../YearSelect';
import { useReviewYear } from '../useReviewYear';
import '../../ui/print/print.css';
import './publicList.css';

const isKind = (k: string | undefined): k is PublicListKind => (PUBLIC_LIST_KINDS as readonly string[]).includes(k ?? '');

/** Figures on paper are Vietnamese whatever the interface language. */
const viNum = (n: number | null): string => (n === null ? '—' : formatNumber(n, 'vi'));

/**
 * #/households-lists/<year>/<office>/<commune>/<kind>: a commune's list for public listing
 * (niêm yết) after the review, on A4 in the Nghị định 30 layout under the commune's People's
 * Committee, and the same list as Excel. Sổ Việc's own list: the screen says it is not form 7.x.
 */
export function PublicListPage({ params }: { params: string[] }): React.JSX.Element {
  const { t } = useTranslation('households');
  const { modal, message } = App.useApp();
  const meta = useOpQuery('households.meta', {});
  const [storedYear, setYear] = useReviewYear(meta.data?.defaultYear);
  const year = Number(params[0]) || storedYear;
  const isSo = meta.data?.role === 'so';
  const allCommunes = meta.data?.communes ?? [];
  // The Sở picks the district office first (units of its profile), then one of that office's
  // communes as its bundles brought them; an office has only its own.
  const units = meta.data?.units ?? [];
  const office = isSo ? (params[1] ?? allCommunes[0]?.office ?? units[0]?.code) : meta.data?.office.code;
  const communes = isSo ? allCommunes.filter((c) => c.office === office) : allCommunes;
  const chosen = communes.find((c) => c.code === params[2]) ?? communes[0];
  const kind: PublicListKind = isKind(params[3]) ? params[3] : 'poor';
  const go = (y: number | undefined, office: string | undefined, code: string | undefined, k: PublicListKind): void => {
    if (y === undefined || office === undefined) return;
    if (code === undefined) navigate('households-lists', String(y), office);
    else navigate('households-lists', String(y), office, code, k);
  };
  const input = { year: year ?? 2000, communeCode: chosen?.code ?? 'XX', office: chosen?.office, kind };
  const view = useOpQuery('households.publicList', input, { enabled: year !== undefined && chosen !== undefined });
  const exporting = useOpMutation('households.publicListXlsx');
  const [attached, setAttached] = useState('');
  const [maker, setMaker] = useState('');
  const [chair, setChair] = useState('');
  const v = view.data;

  const exportList = (): void =>
    exporting.mutate(input, {
      onSuccess: async (file) => {
        if (await savePersonalFile(modal, t, file)) message.success(t('list.exported'));
      },
      onError: (e) => void message.error(errorText(t, e)),
    });

  const countLabel = (k: PublicListKind): string => {
    const c = v?.counts[k];
    const tail = c === undefined ? '' : c === null ? t('lists.countUnavailable') : t('lists.countOption', { households: formatNumber(c.households), members: formatNumber(c.members) });
    return tail ? `${say(t, `households:lists.kinds.${k}`)} — ${tail}` : say(t, `households:lists.kinds.${k}`);
  };

  return (
    <div>
      <div className="no-print">
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households')}>
            {t('common:back')}
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('lists.pageTitle')}
          </Typography.Title>
          <YearSelect year={year} years={meta.data?.years ?? []} onChange={(y) => (setYear(y), go(y, chosen?.office, chosen?.code, kind))} testId="list-year" />
        </Space>
        <Space wrap style={{ marginBottom: 12 }}>
          {isSo && (
            <Select
              value={office}
              onChange={(code: string) => go(year, code, allCommunes.find((c) => c.office === code)?.code, kind)}
              options={units.map((u) => ({ value: u.code, label: u.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              aria-label={t('lists.office')}
              data-testid="list-office"
            />
          )}
          <Select
            value={chosen ? `${chosen.office}|${chosen.code}` : undefined}
            onChange={(key: string) => {
              const [office, code] = key.split('|');
              go(year, office, code, kind);
            }}
            options={communes.map((c) => ({ value: `${c.office}|${c.code}`, label: c.label }))}
            placeholder={t('lists.noCommunes')}
            style={{ width: 260 }}
            aria-label={t('lists.commune')}
            data-testid="list-commune"
          />
          <Select
            value={kind}
            onChange={(k: PublicListKind) => go(year, chosen?.office, chosen?.code, k)}
            options={PUBLIC_LIST_KINDS.map((k) => ({ value: k, label: countLabel(k) }))}
            // The longest name (the medium-living list) with its count stays whole, never cut with "…".
            style={{ width: 600, maxWidth: '100%' }}
            aria-label={t('lists.kind')}
            data-testid="list-kind"
          />
          <Button icon={<FileExcelOutlined />} loading={exporting.isPending} disabled={!v?.list.available} onClick={exportList} data-testid="list-excel">
            {t('lists.excel')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!v?.list.available} onClick={() => window.print()} data-testid="list-print">
            {t('print.print')}
          </Button>
        </Space>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input prefix={<span className="muted">{t('lists.attachedTo')}</span>} placeholder={t('lists.attachedToPlaceholder')} value={attached} onChange={(e) => setAttached(e.target.value)} style={{ width: 520 }} data-testid="list-attached" />
          <Input prefix={<span className="muted">{t('lists.makerName')}</span>} value={maker} onChange={(e) => setMaker(e.target.value)} style={{ width: 280 }} />
          <Input prefix={<span className="muted">{t('lists.chairName')}</span>} value={chair} onChange={(e) => setChair(e.target.value)} style={{ width: 280 }} data-testid="list-chair" />
        </Space>
        {/* On screen only: the posted paper is the commune's; what it is not is the officer's to know. */}
        <Alert type="info" showIcon title={t('lists.notOfficialForm', { procedure: v?.procedure ?? '…' })} data-testid="list-form-note" style={{ marginBottom: 12, maxWidth: 1000 }} />
      </div>
      {meta.error && <Alert type="error" showIcon title={errorText(t, meta.error)} />}
      {view.error && <Alert type="error" showIcon title={errorText(t, view.error)} />}
      {meta.data && communes.length === 0 && <Alert type="warning" showIcon title={t(isSo ? 'lists.noOfficeCommunes' : 'lists.noCommunes')} data-testid="list-no-communes" />}
      {!v && chosen && !view.error && <Spin />}
      {v && !v.list.available && (
        <Alert type="warning" showIcon title={t('lists.previousYearMissing', { previous: v.list.year - 1, commune: v.commune.label })} data-testid="list-unavailable" />
      )}
      {v && v.list.available && <ListPaper view={v} attached={attached.trim()} maker={maker} chair={chair} />}
    </div>
  );
}

function ListPaper({ view, attached, maker, chair }: { view: PublicListView; attached: string; maker: string; chair: string }): React.JSX.Element {
  const { i18n } = useTranslation('households');
  const vi = i18n.getFixedT('vi', 'households');
  const { list, commune } = view;
  const where = [commune.label, view.district ? view.district.charAt(0).toLowerCase() + view.district.slice(1) : '', view.province ? `tỉnh ${view.province}` : ''].filter(Boolean).join(', ');
  return (
    <div className="nd30-preview" data-testid="print-preview">
      {/* Portrait for the class lists; the movement lists (two class columns) and scored lists need A4 landscape. */}
      <article className={`nd30 nd30-paper pl-print${view.columns.length > 7 ? ' nd30-wide' : ''}`} data-testid="public-list">
        <Nd30Header parentBody="" office={`ỦY BAN NHÂN DÂN\n${commune.label.toUpperCase()}`} numberLine="" place={commune.name} date={view.date} />
        <div className="nd30-kind" data-testid="list-title">
          {say(vi, `households:lists.title.${list.kind}`, { year: list.year })}
        </div>
        <div className="pl-where">{where}</div>
        {attached && <div className="pl-attached">{vi('lists.attachedLine', { text: attached })}</div>}
        <div className="pl-standard">{vi('lists.standardLine', { standard: view.standardTitle })}</div>
        <table className="nd30-table pl-table" data-testid="list-table">
          <thead>
            <tr>
              {view.columns.map((c) => (
                <th key={c} className={`col-${c}`}>
                  {say(vi, `households:lists.column.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={view.columns.length} className="c">
                  {vi('lists.empty')}
                </td>
              </tr>
            )}
            {list.rows.map((r) => (
              <tr key={r.code} data-testid="list-row">
                {view.columns.map((c) => (
                  <td key={c} className={CELL_CLASS[c]}>
                    {cellText(vi, c, r)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="total" data-testid="list-total">
              {/* "Tổng cộng: 12 hộ" across the number and name columns; the members' total under its column. */}
              <td colSpan={2}>{`${vi('lists.total')}: ${vi('lists.totalHouseholds', { n: viNum(list.totals.households) })}`}</td>
              {view.columns.slice(2).map((c) => (
                <td key={c} className={CELL_CLASS[c]}>
                  {c === 'members' ? viNum(list.totals.members) : c === 'requestOn' && list.totals.withRequest !== undefined ? vi('lists.withRequest', { n: viNum(list.totals.withRequest) }) : ''}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <p className="pl-foot-totals" data-testid="list-foot-totals">
          {vi('lists.footTotals', { households: viNum(list.totals.households), members: viNum(list.totals.members) })}
          {list.totals.withRequest !== undefined && <span data-testid="list-with-request">{` ${vi('lists.footWithRequest', { n: viNum(list.totals.withRequest) })}`}</span>}
        </p>
        <table className="nd30-foot">
          <tbody>
            <tr>
              <td className="right">
                <Nd30Signature title={vi('lists.signMaker')} name={maker} />
              </td>
              <td className="right">
                <Nd30Signature title={vi('lists.signChair')} name={chair} nameTestId="list-chair-name" />
              </td>
            </tr>
          </tbody>
        </table>
      </article>
    </div>
  );
}

const CELL_CLASS: Record<PublicListColumn, string | undefined> = {
  no: 'c',
  headName: undefined,
  idMasked: 'id',
  village: undefined,
  members: 'n',
  sector: undefined,
  previousClass: undefined,
  class: undefined,
  income: 'n',
  deprived: 'n',
  b1: 'n',
  b2: 'n',
  requestOn: 'c',
};

/** The page's text of a cell: the list's value (publicListCell), numbers written the Vietnamese way. */
function cellText(vi: TFunction, c: PublicListColumn, r: PublicListRow): string {
  const v = publicListCell(vi, c, r);
  if (typeof v === 'string') return v;
  // A blank request day means no Giấy đề nghị yet: left blank on paper, not a dash.
  if (v === null && (c === 'requestOn' || c === 'sector')) return '';
  return c === 'no' && v !== null ? String(v) : viNum(v);
}
