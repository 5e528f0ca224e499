// Seeded PRNG for the solver: every random choice goes through this, never Math.random.

/// sfc32 (Chris Doty-Humphrey's small fast counter): 128 bits of state, good statistical quality,
/// only 32-bit integer operations, so the same seed gives the same stream on every JS engine.
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = (seed | 0) ^ 0x5bd1e995;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /// Uniform in [0, 1).
  next(): number {
    return this.u32() / 4294967296;
  }

  /// Uniform integer in [0, n).
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /// Fisher–Yates shuffle of the first `len` entries, in place.
  shuffle(a: Int32Array | number[], len = a.length): void {
    for (let i = len - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
  }
}
