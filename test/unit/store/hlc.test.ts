import { describe, it, expect } from 'vitest';
import { Hlc, compareHlc, decodeHlc } from '../../../electron/core/store/hlc';

describe('hybrid logical clock', () => {
  it('keeps increasing when the PC clock goes backwards', () => {
    let wall = 1_700_000_000_000;
    const clock = new Hlc('aaaa0001', () => wall);
    const a = clock.tick();
    wall -= 365 * 86_400_000; // someone set the clock a year back
    const b = clock.tick();
    const c = clock.tick();
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, c)).toBe(-1);
  });

  it('orders a stamp made after receiving a far-future stamp after it, whatever the local clock', () => {
    const wrongClockPc = new Hlc('bbbb0002', () => Date.UTC(2031, 0, 1)); // years ahead
    const future = wrongClockPc.tick();
    const correctPc = new Hlc('cccc0003', () => Date.UTC(2026, 10, 27));
    correctPc.observe(future);
    const next = correctPc.tick();
    expect(compareHlc(future, next)).toBe(-1);
  });

  it('string order is clock order across digit-length changes', () => {
    const small = new Hlc('n1', () => 999).tick();
    const big = new Hlc('n1', () => 1000).tick();
    expect(compareHlc(small, big)).toBe(-1);
    expect(decodeHlc(big).ms).toBe(1000);
  });

  it('uses the counter within one millisecond', () => {
    const clock = new Hlc('n1', () => 5);
    const stamps = Array.from({ length: 5 }, () => clock.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(decodeHlc(stamps[4] as string).counter).toBe(4);
  });
});
