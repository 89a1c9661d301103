import type { DocKind } from '../../domain/document';
import { checkDocument } from '../../domain/documentKinds';
import { AppError } from '../../domain/errors';

/**
 * Every write is checked against its kind (domain/documentKinds): RECORD_SHAPE_INVALID names
 * the kind and the field; RECORD_ID_NOT_OWNERS an id (or office field) naming another office.
 * A new document's id is made by the store, so only its data is checked.
 */
export function requireFits(d: { id: string; kind: DocKind; owner: string; data: Record<string, unknown> }, newId: boolean): void {
  const problem = checkDocument(d);
  if (!problem || (newId && problem.problem !== 'shape')) return;
  const params = { kind: d.kind, field: problem.field, id: d.id, owner: d.owner };
  if (problem.problem === 'shape') throw new AppError('RECORD_SHAPE_INVALID', 'common:errors.RECORD_SHAPE_INVALID', params);
  if (problem.problem === 'id') throw new AppError('RECORD_ID_INVALID', 'common:errors.RECORD_ID_INVALID', params);
  throw new AppError('RECORD_ID_NOT_OWNERS', 'common:errors.RECORD_ID_NOT_OWNERS', params);
}
