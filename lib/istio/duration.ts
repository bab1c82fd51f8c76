/** Milliseconds per unit of Go/protobuf duration text (`1.5s`, `100ms`, `2m`, `1h30m`). */
const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 1e-6,
};

const PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;

/**
 * Parses an Istio duration (`timeout: 10s`, `perTryTimeout: 500ms`, `fixedDelay: 7s`, `1h30m`) into milliseconds.
 * Returns undefined for anything else (empty text, unknown units, signs).
 */
export function parseIstioDuration(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  PART.lastIndex = 0;
  let total = 0;
  let end = 0;
  for (let match = PART.exec(text); match !== null; match = PART.exec(text)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
    end = PART.lastIndex;
  }
  return end === text.length && Number.isFinite(total) ? total : undefined;
}
