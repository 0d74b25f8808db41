// A small seeded PRNG (sfc32) for the demo data: the same seed gives the same numbers on every
// platform, so a demo case file can be rebuilt exactly. Not for anything secret.

/** Mixes any number of 32-bit integers into one seed (murmur3 finalizer over a running hash). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** one item by weight; weights need not sum to 1 */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** an independent stream derived from this one's seed and a label */
  fork(...label: number[]): Rng;
}

export function createRng(seed: number): Rng {
  // sfc32, state seeded from the seed and warmed up so nearby seeds diverge at once
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const raw = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) raw();

  const rng: Rng = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    chance: (p) => raw() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(raw() * items.length)]!;
    },
    weighted: (entries) => {
      let total = 0;
      for (const [, w] of entries) total += w;
      if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
      let x = raw() * total;
      let last = entries[0]![0];
      for (const [item, w] of entries) {
        if (w <= 0) continue;
        last = item;
        x -= w;
        if (x < 0) return item;
      }
      return last; // rounding left a sliver: the last item with weight
    },
    fork: (...label) => createRng(mixSeed(seed, ...label)),
  };
  return rng;
}
