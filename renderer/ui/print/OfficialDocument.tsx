import type { ReactNode } from 'react';
import { Nd30Header } from './Nd30Header';
import { Nd30Signature } from './Nd30Signature';
import { numberLineVi } from './dateLine';
import './print.css';

export interface OfficialDocumentProps {
  /** Cơ quan chủ quản, printed above the issuer, not bold ("UBND TỈNH LẠNG SƠN"). */
  parentBody: string;
  issuer: string;
  issuerSymbol: string;
  /** Abbreviation of the document kind in the number line: "BC" for báo cáo. */
  kindCode: string;
  /** "BÁO CÁO", "KẾ HOẠCH"... */
  kind: string;
  /** Trích yếu. */
  subject: ReactNode;
  place: string;
  date: string;
  number?: string;
  /** Nơi nhận items, the last one "- Lưu: VT, ...". */
  recipients: string[];
  /** "KT. GIÁM ĐỐC" and the like (TL./KT./TM.), above the signer's title. */
  authority?: string;
  signerTitle: string;
  signerName?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * An administrative document laid out per Nghị định 30/2020/NĐ-CP Phụ lục I: issuer and
 * number at the top left, Quốc hiệu and tiêu ngữ at the top right with the place and date,
 * the kind and trích yếu centred, the body, then "Nơi nhận:" and the signature block.
 * Every printed document of the app goes through it.
 */
export function OfficialDocument(p: OfficialDocumentProps): React.JSX.Element {
  return (
    <article className="nd30 nd30-paper" data-testid={p.testId ?? 'nd30-document'} lang="vi">
      <Nd30Header parentBody={p.parentBody} office={p.issuer} numberLine={numberLineVi(p.kindCode, p.issuerSymbol, p.number)} place={p.place} date={p.date} />
      <div className="nd30-kind">{p.kind}</div>
      <div className="nd30-subject" data-testid="report-subject">
        {p.subject}
      </div>
      <hr className="nd30-subject-rule" />
      <section className="nd30-body">{p.children}</section>
      <table className="nd30-foot">
        <tbody>
          <tr>
            <td className="left">
              <div className="nd30-recipients-title">Nơi nhận:</div>
              <ul className="nd30-recipients">
                {p.recipients.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </td>
            <td className="right">
              <Nd30Signature authority={p.authority} title={p.signerTitle} name={p.signerName ?? ''} />
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
