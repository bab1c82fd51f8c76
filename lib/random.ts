/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** Hashes a string seed to 32 bits (FNV-1a), so that `--seed bookinfo` works as well as `--seed 42`. */
export function seedFrom(seed: string | number): number {
  let hash = 0x811c9dc5;
  for (const char of String(seed)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A small deterministic PRNG (mulberry32): the same seed gives the same sequence on every machine, which makes the
 * demo mesh reproducible (`--seed`). Not for anything secret.
 */
export function seededRandom(seed: string | number): Random {
  let state = seedFrom(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A child generator for one purpose (e.g. `world`, `tick:42`), independent of how much the parent was used. */
export function forkRandom(seed: string | number, purpose: string): Random {
  return seededRandom(`${seed}/${purpose}`);
}
