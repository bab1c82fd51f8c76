/**
 * Generated names as Kubernetes makes them (`reviews-v1-7d4f9c6b8d-x2k9q`), drawn from the world's seeded random
 * source so that the same seed gives the same names.
 */
import type { Random } from '@/lib/random';

/** The alphabet of Kubernetes' generated names (no vowels, no look-alikes). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `length` characters of the generated-name alphabet. */
export function randomSuffix(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'x';
  return out;
}

/** A ReplicaSet's `pod-template-hash` (10 characters, as the Deployment controller writes it). */
export function podTemplateHash(random: Random): string {
  return randomSuffix(random, 10);
}

/** A pod name: the owner's name (ReplicaSet or DaemonSet) and a 5-character suffix. */
export function podName(owner: string, random: Random): string {
  return `${owner}-${randomSuffix(random, 5)}`;
}

/** Picks one element; `undefined` only for an empty list. */
export function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** A number uniform in [min, max), rounded to `digits` decimals. */
export function between(random: Random, min: number, max: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round((min + random() * (max - min)) * scale) / scale;
}

/** An integer uniform in [min, max] (both included). */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A copy of `items` in random order (Fisher-Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
