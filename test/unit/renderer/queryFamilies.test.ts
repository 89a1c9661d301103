import { describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../../electron/contract';
import { familyOf, staleAfter } from '../../../renderer/api/hooks';

const ops = Object.keys(contract) as OpName[];

describe('renderer query cache families', () => {
  it('gives every op of the contract a family, so no write leaves a view stale for want of one', () => {
    for (const op of ops) expect(() => familyOf(op), op).not.toThrow();
  });

  it('refreshes household-based report figures and the sync preview after a household is saved', () => {
    expect(staleAfter('households.save')).toEqual(['households', 'reports', 'sync']);
  });

  it('refreshes every view after a bundle import or a first-run setup', () => {
    expect(staleAfter('sync.import')).toBe('all');
    expect(staleAfter('app.setup')).toBe('all');
  });

  it('leaves cached views alone for downloads and previews that change nothing stored', () => {
    expect(staleAfter('households.exportXlsx')).toEqual([]);
    expect(staleAfter('directives.extract')).toEqual([]);
    expect(staleAfter('attachments.add', 'none')).toEqual([]);
  });
});
