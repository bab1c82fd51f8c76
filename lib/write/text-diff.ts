/**
 * A unified diff of two objects' YAML renderings, for people: the preview, the conflict view and the audit record
 * show it. Lines are matched by a longest common subsequence after trimming the common head and tail, which keeps
 * a one-field edit of a large object cheap; a middle too large for that is shown as replaced as a whole.
 */
import { stringify } from 'yaml';
import { withoutServerFields } from './diff';
import type { JsonObject } from './types';

/** Lines of context around each change, as `diff -u`. */
const CONTEXT = 3;
/** Above this many cells (lines x lines) the middle is not matched line by line. */
const MAX_CELLS = 4_000_000;

type Op = { type: ' ' | '-' | '+'; text: string };

/** The YAML a person reads for an object: without status and server-managed metadata; `''` for none. */
export function objectYaml(object: JsonObject | null): string {
  return object === null ? '' : stringify(withoutServerFields(object), { lineWidth: 0 });
}

function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function middleOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    return [...a.map((text): Op => ({ type: '-', text })), ...b.map((text): Op => ({ type: '+', text }))];
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], row-major in one array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ type: ' ', text: a[i] ?? '' });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
      ops.push({ type: '-', text: a[i++] ?? '' });
    else ops.push({ type: '+', text: b[j++] ?? '' });
  }
  while (i < n) ops.push({ type: '-', text: a[i++] ?? '' });
  while (j < m) ops.push({ type: '+', text: b[j++] ?? '' });
  return ops;
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const same = (lines: readonly string[]): Op[] => lines.map((text) => ({ type: ' ', text }));
  return [
    ...same(a.slice(0, head)),
    ...middleOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...same(a.slice(a.length - tail)),
  ];
}

function hunkHeader(ops: readonly Op[], aBefore: number, bBefore: number): string {
  const aLen = ops.filter((o) => o.type !== '+').length;
  const bLen = ops.filter((o) => o.type !== '-').length;
  const range = (before: number, len: number): string => `${len === 0 ? before : before + 1},${len}`;
  return `@@ -${range(aBefore, aLen)} +${range(bBefore, bLen)} @@`;
}

/**
 * The unified diff (`diff -u` format, 3 lines of context) from text `a` to text `b`; `''` when they are equal.
 * `labels` name the two sides in the `---` and `+++` lines.
 */
export function unifiedDiff(a: string, b: string, labels: { from: string; to: string }): string {
  const ops = editScript(linesOf(a), linesOf(b));
  const changed = ops.flatMap((o, i) => (o.type === ' ' ? [] : [i]));
  if (changed.length === 0) return '';
  const out = [`--- ${labels.from}`, `+++ ${labels.to}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] ?? 0) - CONTEXT);
    let end = (changed[k] ?? 0) + CONTEXT;
    while (k + 1 < changed.length && (changed[k + 1] ?? 0) - CONTEXT <= end + 1)
      end = (changed[++k] ?? 0) + CONTEXT;
    k++;
    end = Math.min(end, ops.length - 1);
    const before = ops.slice(0, start);
    const hunk = ops.slice(start, end + 1);
    out.push(
      hunkHeader(
        hunk,
        before.filter((o) => o.type !== '+').length,
        before.filter((o) => o.type !== '-').length,
      ),
      ...hunk.map((o) => `${o.type}${o.text}`),
    );
  }
  return `${out.join('\n')}\n`;
}

/** The unified diff of two objects' YAML renderings (see {@link objectYaml}). */
export function objectDiff(
  from: JsonObject | null,
  to: JsonObject | null,
  labels: { from: string; to: string },
): string {
  return unifiedDiff(objectYaml(from), objectYaml(to), labels);
}
