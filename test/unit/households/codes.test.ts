import { describe, expect, it } from 'vitest';
import { CodeAllocator, codeShowsIdNumber, householdCode } from '../../../electron/domain/households/codes';

describe('mã hộ không chứa số CCCD', () => {
  it('makes <commune>-<year>-<sequence> and skips codes the office already uses', () => {
    expect(householdCode('VQ-TRANGCAC', 2025, 7)).toBe('VQ-TRANGCAC-2025-0007');
    const a = new CodeAllocator(['VQ-TRANGCAC-2025-0001', 'VQ-TRANGCAC-2025-0003']);
    expect([a.allocate('VQ-TRANGCAC', 2025), a.allocate('VQ-TRANGCAC', 2025), a.allocate('VQ-TRANGCAC', 2025)]).toEqual([
      'VQ-TRANGCAC-2025-0002',
      'VQ-TRANGCAC-2025-0004',
      'VQ-TRANGCAC-2025-0005',
    ]);
    expect(a.allocate('VQ-TANDOAN', 2025)).toBe('VQ-TANDOAN-2025-0001');
  });

  it('tells an old code that shows the head’s ID number', () => {
    expect(codeShowsIdNumber('VQ-TRANGCAC-020085001234', '020085001234')).toBe(true);
    expect(codeShowsIdNumber('VQ-TRANGCAC-2025-0001', '020085001234')).toBe(false);
  });
});
