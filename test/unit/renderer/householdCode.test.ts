import { describe, expect, it } from 'vitest';
import { householdCode } from '../../../electron/domain/households/codes';
import { splitCode } from '../../../renderer/households/list/HouseholdCode';

describe('where a long household code is cut in the list', () => {
  it('keeps the year and number that tell households of one commune apart', () => {
    const code = householdCode('PHUONGDONGKINH', 2025, 37);
    expect(splitCode(code)).toEqual({ head: 'PHUONGDONGKINH', tail: '-2025-0037' });
  });

  it('keeps the part after the last dash of a code from an older list', () => {
    expect(splitCode('XATRANGCAC-00012')).toEqual({ head: 'XATRANGCAC', tail: '-00012' });
  });

  it('keeps the last six characters of a code typed by hand without a short tail', () => {
    expect(splitCode('HONGHEOTHONBANCHU123456')).toEqual({ head: 'HONGHEOTHONBANCHU', tail: '123456' });
  });

  it('puts the whole code back together', () => {
    for (const code of ['PHUONGDONGKINH-2025-0001', 'A-1', 'ABC', 'XA-TRANG-CAC-2024-12']) {
      const { head, tail } = splitCode(code);
      expect(head + tail).toBe(code);
    }
  });
});
