/** A fingerprint as two rows of four 5-digit groups: easy to read aloud over the phone. */
export function Fingerprint({ value, size = 'large', testId }: { value: string; size?: 'large' | 'small'; testId?: string }): React.JSX.Element {
  const groups = value.split(' ');
  if (size === 'small') {
    return (
      <span className="sv-fp-small" data-testid={testId} aria-label={value}>
        {groups.slice(0, 4).join(' ')}
        <br />
        {groups.slice(4).join(' ')}
      </span>
    );
  }
  return (
    <div className="sv-fp" data-testid={testId} aria-label={value}>
      {groups.map((g, i) => (
        <span key={i} className="sv-fp-group">
          {g}
        </span>
      ))}
    </div>
  );
}
