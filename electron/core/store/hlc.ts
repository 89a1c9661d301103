/**
 * Hybrid logical clock. District PC clocks are often wrong, so order comes from
 * (physical ms, counter, node) where physical never goes backwards: every local event takes
 * max(wall clock, last seen) and every received stamp pushes our clock forward. A PC whose
 * clock is years behind still stamps after everything it has seen; one whose clock is years
 * ahead cannot be "overtaken" by a correct PC that has received its stamps.
 *
 * Encoded as fixed-width text so plain string comparison is the clock order:
 * "001658480000000-000003-ab12cd34" (ms padded to 15 digits, counter to 6).
 */
export interface HlcState {
  ms: number;
  counter: number;
}

const MS_WIDTH = 15;
const COUNTER_WIDTH = 6;
const MAX_COUNTER = 999_999;

export function encodeHlc(ms: number, counter: number, node: string): string {
  return `${String(ms).padStart(MS_WIDTH, '0')}-${String(counter).padStart(COUNTER_WIDTH, '0')}-${node}`;
}

export function decodeHlc(hlc: string): { ms: number; counter: number; node: string } {
  const [ms, counter, node] = hlc.split('-');
  return { ms: Number(ms), counter: Number(counter), node: node ?? '' };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Hlc {
  private state: HlcState;

  constructor(
    private readonly node: string,
    private readonly now: () => number = Date.now,
    initial?: string,
  ) {
    this.state = { ms: 0, counter: 0 };
    if (initial) this.observe(initial);
  }

  /** Stamp a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.state.ms) this.state = { ms: wall, counter: 0 };
    else this.bump();
    return encodeHlc(this.state.ms, this.state.counter, this.node);
  }

  /** Take in a stamp seen from elsewhere (a bundle, another PC) so later ticks sort after it. */
  observe(remote: string): void {
    const r = decodeHlc(remote);
    if (!Number.isFinite(r.ms) || !Number.isFinite(r.counter)) return;
    if (r.ms > this.state.ms) this.state = { ms: r.ms, counter: r.counter };
    else if (r.ms === this.state.ms && r.counter > this.state.counter) this.state.counter = r.counter;
  }

  last(): string {
    return encodeHlc(this.state.ms, this.state.counter, this.node);
  }

  private bump(): void {
    if (this.state.counter >= MAX_COUNTER) this.state = { ms: this.state.ms + 1, counter: 0 };
    else this.state.counter += 1;
  }
}
