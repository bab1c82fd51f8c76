/**
 * The pieces of Prometheus text exposition format 0.0.4 that the renderer (`render-text.ts`) writes: `# HELP` and
 * `# TYPE` lines, escaped label values, numbers. They make the bytes prom-client 15 writes for the same samples (its
 * escaping and number formatting), so that the hand-written exposition can be checked against prom-client's.
 */
import type { Labels } from '@/lib/metrics/types';
import type { FamilySpec } from '../families';

/** The content type of format 0.0.4, as prom-client's Registry declares it. */
export const TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const LABEL_SPECIALS = /[\\\n"]/;
const HELP_SPECIALS = /[\\\n]/;

/** A label value escaped for the text format: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  if (!LABEL_SPECIALS.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/** A `# HELP` text escaped for the text format: backslash and line feed (a double quote stays). */
export function escapeHelp(text: string): string {
  if (!HELP_SPECIALS.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A sample value as the text format writes it: `NaN`, `+Inf`, `-Inf`, else JavaScript's shortest form. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** The inside of a label set's braces, `a="x",b="y"`, in the labels' own order; empty for no labels. */
export function labelPairs(labels: Labels): string {
  let pairs = '';
  for (const name of Object.keys(labels)) {
    const value = labels[name];
    if (value === undefined) continue;
    pairs += `${pairs === '' ? '' : ','}${name}="${escapeLabelValue(value)}"`;
  }
  return pairs;
}

/** A family's `# HELP` and `# TYPE` lines, each ending with a line feed. */
export function familyHeader(spec: FamilySpec): string {
  return `# HELP ${spec.name} ${escapeHelp(spec.help)}\n# TYPE ${spec.name} ${spec.kind}\n`;
}
