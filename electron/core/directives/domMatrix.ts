/**
 * pdf.js creates a DOMMatrix when its module loads (for canvas rendering, which the notice
 * reader never does). Plain Node has no DOMMatrix; pdf.js's own fallback loads @napi-rs/canvas
 * through `import.meta.url`, which does not exist once esbuild bundles the core as CommonJS
 * (and the packaged app ships no node_modules). This 2-D affine matrix, the subset of the DOM
 * interface pdf.js touches (a–f, multiply, invert, translate, scale), is installed only when
 * the runtime has none, so reading the text layer works in the bundled core.
 */
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) {
      this.a = init[0] ?? 1;
      this.b = init[1] ?? 0;
      this.c = init[2] ?? 0;
      this.d = init[3] ?? 1;
      this.e = init[4] ?? 0;
      this.f = init[5] ?? 0;
    }
  }
  get is2D(): boolean {
    return true;
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
  }
  private set6(a: number, b: number, c: number, d: number, e: number, f: number): this {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
    return this;
  }
  /** this = this × m */
  multiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    return this.set6(
      this.a * m.a + this.c * m.b,
      this.b * m.a + this.d * m.b,
      this.a * m.c + this.c * m.d,
      this.b * m.c + this.d * m.d,
      this.a * m.e + this.c * m.f + this.e,
      this.b * m.e + this.d * m.f + this.f,
    );
  }
  /** this = m × this */
  preMultiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    const x = new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    return this.set6(x.a, x.b, x.c, x.d, x.e, x.f);
  }
  multiply(m: { a: number; b: number; c: number; d: number; e: number; f: number }): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(m);
  }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set6(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set6(
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det,
    );
  }
  inverse(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf();
  }
  translate(tx = 0, ty = 0): AffineMatrix {
    return this.multiply({ a: 1, b: 0, c: 0, d: 1, e: tx, f: ty });
  }
  scale(sx = 1, sy = sx): AffineMatrix {
    return this.multiply({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 });
  }
  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf({ a: 1, b: 0, c: 0, d: 1, e: tx, f: ty });
  }
  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 });
  }
}

export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix === undefined) g.DOMMatrix = AffineMatrix;
}
