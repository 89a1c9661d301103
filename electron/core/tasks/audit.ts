import type { AuditEntry } from '../../contract/tasks';

type Plain = Record<string, unknown>;

function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** What changed between two versions, field by field (nested records one level deep). */
export function diffFields(before: object | undefined, after: object, fields: string[]): AuditEntry['changes'] {
  const changes: AuditEntry['changes'] = [];
  for (const f of fields) {
    const a: unknown = before ? Reflect.get(before, f) : undefined;
    const b: unknown = Reflect.get(after, f);
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = new Set([...Object.keys(a as Plain), ...Object.keys(b as Plain)]);
      for (const k of keys) {
        const x = show((a as Plain)[k]);
        const y = show((b as Plain)[k]);
        if (x !== y) changes.push({ field: `${f}.${k}`, from: x, to: y });
      }
      continue;
    }
    if (show(a) !== show(b)) changes.push({ field: f, from: show(a), to: show(b) });
  }
  return changes;
}
