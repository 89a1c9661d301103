/** DOM ids of report fields: stable, CSS-safe, and the same in tests. */
export const fieldDomId = (indicatorId: string): string => `f-${indicatorId.replace(/[^a-z0-9_-]/gi, '-')}`;
export const cellDomId = (indicatorId: string, row: string, column: string): string =>
  `${fieldDomId(indicatorId)}--${row.replace(/[^a-z0-9_-]/gi, '-')}--${column}`;
