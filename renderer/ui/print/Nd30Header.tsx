import { dateLineVi } from './dateLine';

/**
 * The header of an administrative document: issuing body on the left (parent body above, not
 * bold), Quốc hiệu and tiêu ngữ on the right, số/ký hiệu and the place/date line below them.
 * The words are Vietnamese by law, whatever the interface language.
 */
export function Nd30Header(props: { parentBody: string; office: string; numberLine: string; place: string; date: string }): React.JSX.Element {
  return (
    <table className="nd30-head">
      <tbody>
        <tr>
          <td className="left">
            {props.parentBody && <div className="nd30-parent">{props.parentBody}</div>}
            <div className="nd30-office">{props.office}</div>
            <hr className="nd30-rule" />
            <div className="nd30-number">{props.numberLine}</div>
          </td>
          <td className="right">
            <div className="nd30-qh">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
            <div className="nd30-tn">Độc lập - Tự do - Hạnh phúc</div>
            <div className="nd30-date" data-testid="report-date-line">
              {dateLineVi(props.place, props.date)}
            </div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
