import type { ConsolidatedIndicator, ReportPrintData } from '../../../electron/contract/reports';
import { showNumber } from '../numbers';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function total(ind: ConsolidatedIndicator): string {
  if (ind.booleans) return `${ind.booleans.yes}/${ind.booleans.yes + ind.booleans.no} đơn vị`;
  if (ind.total === null) return '';
  return ind.type === 'percent' ? `${showNumber(ind.total)}%` : showNumber(ind.total);
}

/** The body of the consolidated BÁO CÁO: who reported, the figures against the plan, the narrative. */
export function ReportBody({ data: d }: { data: ReportPrintData }): React.JSX.Element {
  const byId = new Map(d.view.consolidation.indicators.map((i) => [i.id, i]));
  const sections = d.sections
    .map((s) => ({ title: s.title, inds: s.indicatorIds.map((id) => byId.get(id)).filter((i): i is ConsolidatedIndicator => !!i && i.type !== 'text' && i.type !== 'table') }))
    .filter((s) => s.inds.length > 0);
  const narrative = d.narrative.filter((n) => n.entries.length > 0);
  return (
    <>
      <p>
        Thực hiện chế độ báo cáo định kỳ, trên cơ sở báo cáo của {d.sentOffices.length}/{d.sentOffices.length + d.missingOffices.length} đơn vị
        {d.missingOffices.length > 0 ? ` (chưa nhận được báo cáo của: ${d.missingOffices.join(', ')})` : ''}, {d.issuer.name} báo cáo kết quả{' '}
        {d.periodLabel.charAt(0).toLowerCase() + d.periodLabel.slice(1)} như sau:
      </p>
      <h4>I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU</h4>
      <table data-testid="print-figures">
        <thead>
          <tr>
            <th style={{ width: '7%' }}>STT</th>
            <th>Chỉ tiêu</th>
            <th style={{ width: '11%' }}>Đơn vị tính</th>
            <th style={{ width: '13%' }}>Kế hoạch năm</th>
            <th style={{ width: '13%' }}>Thực hiện</th>
            <th style={{ width: '10%' }}>% KH</th>
          </tr>
        </thead>
        <tbody>
          {sections.flatMap((s, si) => [
            <tr key={`s${si}`} className="section">
              <td style={{ textAlign: 'center' }}>{ROMAN[si] ?? si + 1}</td>
              <td colSpan={5}>{s.title}</td>
            </tr>,
            ...s.inds.map((ind, ii) => (
              <tr key={ind.id}>
                <td style={{ textAlign: 'center' }}>{ii + 1}</td>
                <td>{ind.label}</td>
                <td style={{ textAlign: 'center' }}>{ind.unit}</td>
                <td className="num">{showNumber(ind.target)}</td>
                <td className="num">{total(ind)}</td>
                <td className="num">{ind.targetPct === null ? '' : `${showNumber(ind.targetPct, 1)}%`}</td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      {narrative.length > 0 && <h4>II. TÌNH HÌNH THỰC HIỆN Ở CÁC ĐƠN VỊ</h4>}
      {narrative.map((n, i) => (
        <div key={n.indicatorId}>
          <h4>
            {i + 1}. {n.label}
          </h4>
          {n.entries.map((e) => (
            <p key={e.office}>
              - <strong>{e.officeName}:</strong> {e.text}
            </p>
          ))}
        </div>
      ))}
      <p>{d.issuer.name} trân trọng báo cáo./.</p>
    </>
  );
}
