/**
 * The signature block of a Nghị định 30/2020/NĐ-CP document (Phụ lục I): the authority line
 * when one signs for another (TM., KT., TL.), the signer's title, the space for the signature
 * and seal, then the name. Every printed page of the app signs through it, so the space and
 * the type sizes are the same on each.
 */
export function Nd30Signature(props: {
  /** "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"…, above the title; none when the head signs. */
  authority?: string | undefined;
  /** "CHỦ TỊCH", "Người lập biểu"; a line break ("\n") is kept where the page allows it. */
  title: string;
  /** Blank leaves the line for a handwritten name. */
  name: string;
  nameTestId?: string;
}): React.JSX.Element {
  return (
    <>
      {props.authority && <div className="nd30-sign-title">{props.authority}</div>}
      <div className="nd30-sign-title">{props.title}</div>
      <div className="nd30-sign-space" />
      <div className="nd30-sign-name" data-testid={props.nameTestId}>
        {props.name}
      </div>
    </>
  );
}
