import './householdCode.css';

/**
 * Where a household code is cut when it does not fit: the tail that tells households of one
 * commune apart (`-2025-0001` of `PHUONGDONGKINH-2025-0001`, see domain/households/codes.ts)
 * always stays whole; the commune part before it gives way with an ellipsis. Another code (typed
 * by hand, or from an older list) keeps what follows its last dash, or its last six characters.
 */
export function splitCode(code: string): { head: string; tail: string } {
  const m = /^(.+?)(-\d{4}-\d+)$/.exec(code);
  if (m) return { head: m[1] ?? '', tail: m[2] ?? '' };
  const dash = code.lastIndexOf('-');
  const cut = dash > 0 && code.length - dash <= 10 ? dash : Math.max(0, code.length - 6);
  return { head: code.slice(0, cut), tail: code.slice(cut) };
}

/**
 * A household code in a narrow column: ellipsis in the middle, the full code on hover and as
 * the text a screen reader (and a search of the cell's name) finds.
 */
export function HouseholdCode({ code }: { code: string }): React.JSX.Element {
  const { head, tail } = splitCode(code);
  return (
    <div className="hh-code" title={code} data-testid="household-code">
      <span className="hh-code-full">{code}</span>
      <span className="hh-code-head" aria-hidden="true">
        {head}
      </span>
      <span className="hh-code-tail" aria-hidden="true" data-testid="household-code-tail">
        {tail}
      </span>
    </div>
  );
}
