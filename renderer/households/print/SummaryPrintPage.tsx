import { useState } from 'react';
import { Alert, Button, Input, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SummaryRow, SummaryView } from '../../../electron/contract/households';
import { summaryCell } from '../../../electron/domain/households/summary';
import { formatNumber } from '../../i18n/format';
import { useOpQuery } from '../../api/hooks';
import { errorText } from '../../ui/errorText';
import { navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import { Nd30Header } from '../../ui/print/Nd30Header';
import { Nd30Signature } from '../../ui/print/Nd30Signature';
import { PRINT_COLUMNS } from '../summary/columns';
import { useReviewYear } from '../useReviewYear';
import '../../ui/print/print.css';
import './summaryPrint.css';

/** "Phòng ... huyện Văn Quan" under "UBND HUYỆN VĂN QUAN" drops the district its parent names. */
function issuerName(name: string, district: string): string {
  const tail = ` ${district.toLowerCase()}`;
  return district && name.toLowerCase().endsWith(tail) ? name.slice(0, name.length - tail.length) : name;
}

/** A cell as on screen and in Excel: "—" for a total of households not known, no rate without it. */
const cell = (r: SummaryRow, c: (typeof PRINT_COLUMNS)[number]): string => {
  const v = summaryCell(r, c);
  return typeof v === 'number' ? formatNumber(v) : (v ?? '');
};

/**
 * #/households-print/<year>: the summary as a report in the layout of Nghị định 30/2020 (A4 landscape: a wide form,
 * Times New Roman, Quốc hiệu and tiêu ngữ, số/ký hiệu, place and date, BÁO CÁO and trích yếu,
 * the table, nơi nhận, signature). The paper is Vietnamese whatever the interface language.
 */
export function SummaryPrintPage({ params }: { params: string[] }): React.JSX.Element {
  const { t, i18n } = useTranslation('households');
  const vi = i18n.getFixedT('vi', 'households');
  const session = useSession();
  // Without a year in the address (#/households-print), the year the list and summary show.
  const meta = useOpQuery('households.meta', {});
  const [listYear] = useReviewYear(meta.data?.defaultYear);
  const asked = Number(params[0]);
  const year = Number.isInteger(asked) && asked > 0 ? asked : listYear;
  const view = useOpQuery('households.summary', { year: year ?? 0 }, { enabled: year !== undefined });
  const [number, setNumber] = useState('');
  // Who signs: the Sở's director, a district office's head, a commune People's Committee's chair.
  const [signTitle, setSignTitle] = useState(() =>
    session.role === 'so' ? vi('print.signSo') : session.office.type === 'commune' ? vi('print.signCommune') : vi('print.signHead'),
  );
  const [signer, setSigner] = useState('');
  if (meta.error && year === undefined) return <Alert type="error" showIcon title={errorText(t, meta.error)} />;
  if (view.error) return <Alert type="error" showIcon title={errorText(t, view.error)} />;
  if (!view.data) return <Spin />;
  const v = view.data;
  // As on screen: the note when a commune's total is missing (the table's total is then unknown).
  const notKnown = v.summary.total.households === null;
  return (
    <div>
      <Space className="no-print" wrap style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('households-summary')}>
          {t('common:back')}
        </Button>
        <Input prefix={<span className="muted">{t('print.number')}</span>} value={number} onChange={(e) => setNumber(e.target.value)} style={{ width: 200 }} />
        <Input prefix={<span className="muted">{t('print.signTitle')}</span>} value={signTitle} onChange={(e) => setSignTitle(e.target.value)} style={{ width: 300 }} />
        <Input prefix={<span className="muted">{t('print.signer')}</span>} value={signer} onChange={(e) => setSigner(e.target.value)} style={{ width: 300 }} data-testid="print-signer" />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('print.print')}
        </Button>
      </Space>
      {/* On screen only: the paper is the office's own report, and no form of the circular could be read to lay it out as one. */}
      <Alert className="no-print" type="info" showIcon title={t('print.notOfficialForm')} data-testid="print-form-note" style={{ marginBottom: 16, maxWidth: 1000 }} />
      {notKnown && (
        <Alert className="no-print" type="warning" showIcon title={t(v.scope === 'district' ? 'summary.notKnownNote' : 'summary.notKnownNoteSo', { year: v.year })} style={{ marginBottom: 16, maxWidth: 1000 }} />
      )}
      {/* On screen the landscape sheet is wider than a 1024-pixel window: it scrolls in its own box. */}
      <div className="nd30-preview" data-testid="print-preview">
        <article className="nd30 nd30-paper nd30-wide hh-print" data-testid="summary-report">
          <Nd30Header
            parentBody={v.issuer.parentBody}
            office={issuerName(v.issuer.name, v.issuer.district)}
            numberLine={vi('print.numberLine', { number: number.trim() || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0', symbol: v.issuer.symbol })}
            place={v.issuer.place}
            date={v.date}
          />
          <div className="nd30-kind">{vi('print.kind')}</div>
          <div className="nd30-subject" data-testid="report-subject">
            {vi('print.subject', { year: v.year })}
          </div>
          <hr className="nd30-subject-rule" />
          <section className="nd30-body">
            <p>{vi('print.intro', { standard: v.standardTitle, year: v.year, office: v.issuer.name })}</p>
            <p data-testid="print-totals">
              {/* Without the total of households the sentence gives no rate: "chiếm —%" says nothing. */}
              {v.summary.total.households === null
                ? vi('print.totalsNotKnown', { total: formatNumber(v.summary.total.total), poor: formatNumber(v.summary.total.poor), nearPoor: formatNumber(v.summary.total.nearPoor) })
                : vi('print.totals', {
                    households: formatNumber(v.summary.total.households),
                    total: formatNumber(v.summary.total.total),
                    poor: formatNumber(v.summary.total.poor),
                    poorPct: formatNumber(v.summary.total.poorPct),
                    nearPoor: formatNumber(v.summary.total.nearPoor),
                    nearPoorPct: formatNumber(v.summary.total.nearPoorPct),
                  })}
            </p>
            <p>{v.scope === 'district' ? vi('print.tableIntroDistrict') : vi('print.tableIntroProvince')}</p>
            <SummaryPrintTable view={v} />
            {notKnown && (
              <p data-testid="print-not-known">
                <em>{vi('print.notKnownNote')}</em>
              </p>
            )}
            <p>{vi('print.closing', { office: v.issuer.name })}</p>
          </section>
          <table className="nd30-foot">
            <tbody>
              <tr>
                <td className="left">
                  <div className="nd30-recipients-title">{vi('print.recipients')}</div>
                  <ul className="nd30-recipients">
                    {v.scope === 'district' ? (
                      <>
                        <li>{vi('print.recipientSo')}</li>
                        {v.issuer.district && <li>{vi('print.recipientUbnd', { district: v.issuer.district.charAt(0).toLowerCase() + v.issuer.district.slice(1) })}</li>}
                      </>
                    ) : (
                      <>
                        <li>{vi('print.recipientMinistry')}</li>
                        <li>{vi('print.recipientProvince')}</li>
                      </>
                    )}
                    <li>{vi('print.recipientArchive', { symbol: v.issuer.symbol })}</li>
                  </ul>
                </td>
                <td className="right">
                  <Nd30Signature title={signTitle} name={signer} />
                </td>
              </tr>
            </tbody>
          </table>
        </article>
      </div>
    </div>
  );
}

function SummaryPrintTable({ view }: { view: SummaryView }): React.JSX.Element {
  const { i18n } = useTranslation('households');
  const vi = i18n.getFixedT('vi', 'households');
  const s = view.summary;
  const line = (r: SummaryRow, i: number | null, cls?: string) => (
    <tr key={r.key + (cls ?? '')} className={cls}>
      <td className="c">{i ?? ''}</td>
      <td>{r.labelKey ? vi(r.labelKey) : r.former ? `${r.label} (${vi('app:profile.formerUnit')})` : r.label}</td>
      {PRINT_COLUMNS.map((c) => (
        <td key={c} className="n">
          {cell(r, c)}
        </td>
      ))}
    </tr>
  );
  return (
    <table className="nd30-table hh-print-table" data-testid="print-table">
      <thead>
        <tr>
          <th>{vi('print.colNo')}</th>
          <th>{view.scope === 'district' ? vi('summary.colCommune') : vi('summary.colDistrict')}</th>
          {PRINT_COLUMNS.map((c) => (
            // A header of up to three words stays on one line ("Thoát nghèo", "Phát sinh mới");
            // longer ones wrap between words, several to a line.
            <th key={c} className={vi(`summary.column.${c}`).split(' ').length <= 3 ? 'nw' : undefined}>
              {vi(`summary.column.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {s.rows.map((r, i) => line(r, i + 1))}
        {line(s.rural, null, 'area')}
        {line(s.urban, null, 'area')}
        {line(s.total, null, 'total')}
      </tbody>
    </table>
  );
}
