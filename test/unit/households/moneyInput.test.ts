import { describe, expect, it } from 'vitest';
import { amountOf, groupDigits, regroup } from '../../../renderer/households/form/moneyFormat';

describe('money typed as Vietnamese groups', () => {
  it('groups thousands with dots and drops leading zeros', () => {
    expect(groupDigits('1500000')).toBe('1.500.000');
    expect(groupDigits('999')).toBe('999');
    expect(groupDigits('0')).toBe('0');
    expect(groupDigits('007')).toBe('7');
    expect(groupDigits('')).toBe('');
  });

  it('keeps the caret after the same digit while regrouping', () => {
    // Typing the 7th digit at the end: "150.0000" -> "1.500.000", caret at the end.
    expect(regroup('150.0000', 8)).toEqual({ text: '1.500.000', caret: 9 });
    // Inserting "2" after the first digit of "1.500.000": "12.500.000" -> "12.500.000"... caret after "2".
    expect(regroup('12.500.000', 2)).toEqual({ text: '12.500.000', caret: 2 });
    // Deleting the dot's neighbour: "1.50.000" (a 5 removed) -> "150.000", caret after "1".
    expect(regroup('1.0.000', 1)).toEqual({ text: '10.000', caret: 1 });
    // Letters and spaces are dropped.
    expect(regroup('1 2a3', 5)).toEqual({ text: '123', caret: 3 });
  });

  it('reads the amount back', () => {
    expect(amountOf('1.500.000')).toBe(1_500_000);
    expect(amountOf('')).toBeNull();
    expect(amountOf('đ')).toBeNull();
  });
});
