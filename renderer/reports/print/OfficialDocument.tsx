import type { ReactNode } from 'react';
import { ndDateLine, ndNumberLine } from './ndDate';
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
  subject: string;
  place: string;
  date: string;
  number?: string;
  recipients: string[];
  /** "KT. GIÁM ĐỐC" and the like (TL./KT./TM.), above the signer's title. */
  authority?: string;
  signerTitle: string;
  signerName?: string;
  children: ReactNode;
}

/**
 * An administrative document laid out per Nghị định 30/2020/NĐ-CP Phụ lục I: issuer and
 * number at the top left, Quốc hiệu and tiêu ngữ at the top right with the place and date,
 * the kind and trích yếu centred, the body, then "Nơi nhận:" and the signature block.
 * Generic: any feature prints its documents through it. The words are Vietnamese by law.
 */
export function OfficialDocument(p: OfficialDocumentProps): React.JSX.Element {
  return (
    <article className="nd30-page" data-testid="nd30-document" lang="vi">
      <header className="nd30-head">
        <div>
          <div className="nd30-parent">{p.parentBody}</div>
          <div className="nd30-issuer">{p.issuer}</div>
          <div className="nd30-rule" />
          <div className="nd30-number">{ndNumberLine(p.kindCode, p.issuerSymbol, p.number)}</div>
        </div>
        <div>
          <div className="nd30-national">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div className="nd30-motto">
            <span>Độc lập - Tự do - Hạnh phúc</span>
          </div>
          <div className="nd30-date">{ndDateLine(p.place, p.date)}</div>
        </div>
      </header>
      <div className="nd30-kind">{p.kind}</div>
      <div className="nd30-subject">{p.subject}</div>
      <div className="nd30-subject-rule" />
      <section className="nd30-body">{p.children}</section>
      <footer className="nd30-foot">
        <div>
          <div className="nd30-recipients-title">Nơi nhận:</div>
          <div className="nd30-recipients">
            {p.recipients.map((r) => (
              <div key={r}>{r}</div>
            ))}
          </div>
        </div>
        <div className="nd30-sign">
          {p.authority && <div>{p.authority}</div>}
          <div>{p.signerTitle}</div>
          <div className="nd30-sign-name">{p.signerName ?? ''}</div>
        </div>
      </footer>
    </article>
  );
}
