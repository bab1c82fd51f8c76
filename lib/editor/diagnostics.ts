/**
 * Problems (with 1-based line and column, from the editor's own checks or the server's 422) as ranges of the
 * text, for the YAML editor to underline: from the place to the end of the word there (a key, a value).
 */
import type { WriteProblem } from '@/lib/write/types';

/** A range of the text with its message, as CodeMirror's lint takes it. */
export interface TextDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Offsets of the start of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Each problem as a range of `text`; one without a place marks the first line. */
export function diagnosticsOf(text: string, problems: readonly WriteProblem[]): TextDiagnostic[] {
  const starts = lineStarts(text);
  return problems.map((p) => {
    const message = p.path === '' ? p.message : `${p.path}: ${p.message}`;
    const lineIndex = Math.min(Math.max((p.line ?? 1) - 1, 0), starts.length - 1);
    const lineStart = starts[lineIndex] ?? 0;
    const lineEnd = (starts[lineIndex + 1] ?? text.length + 1) - 1;
    const from =
      p.line === undefined ? lineStart : Math.min(lineStart + Math.max((p.col ?? 1) - 1, 0), lineEnd);
    const word = /^[^\s:]+/.exec(text.slice(from, lineEnd))?.[0] ?? '';
    const to = p.line === undefined ? lineEnd : from + word.length;
    return { from, to: Math.max(to, from), severity: 'error', message };
  });
}
