import { readFileSync } from 'node:fs';

/**
 * Recorded Tempo answers. `search-sidecar-bookinfo` and `trace-resourcespans` are real recordings; the others are
 * derived from them: `trace-v1-batches-hex` (v1 `batches`, hex IDs, numeric
 * kinds and status codes), `trace-v2-partial` (v2 `PARTIAL`, enum-name kinds), `trace-v2-error-span` (an error
 * span and every attribute type), `search-spanset-only` (older Tempo), `search-no-duration` (zero values omitted), `search-service-stats` (Tempo 2.2+ `serviceStats`, zero counts omitted).
 */
export type TempoFixture =
  | 'search-sidecar-bookinfo'
  | 'search-spanset-only'
  | 'search-no-duration'
  | 'search-service-stats'
  | 'trace-resourcespans'
  | 'trace-v1-batches-hex'
  | 'trace-v2-partial'
  | 'trace-v2-error-span';

/** The fixture's bytes as Tempo sent them. */
export function fixtureText(name: TempoFixture): string {
  return readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8');
}

/** The fixture parsed, unchecked, as a parser receives it. */
export function fixture(name: TempoFixture): unknown {
  return JSON.parse(fixtureText(name)) as unknown;
}
