import { SourceError, kindForHttpStatus } from '@/lib/source-error';
import type { UpstreamResponse } from '@/server/http/upstream';

/** Longest upstream message kept in an error, in characters. */
const MAX_MESSAGE = 500;

/**
 * The error for a Tempo answer that is not a success. Tempo writes its errors as plain text, e.g.
 * `invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected IDENTIFIER`.
 *
 * A 400 (`bad_query`) carries exactly Tempo's text as its message, because the UI shows it next to the query box.
 * Other statuses map with `kindForHttpStatus` (401, 403, 404, 429 and 5xx, 504) and keep Tempo's text after the
 * status. HTML (a proxy's error page) is never echoed.
 */
export function tempoStatusError(operation: string, res: UpstreamResponse): SourceError {
  const kind = kindForHttpStatus(res.status);
  const text = plainText(res);
  if (kind === 'bad_query' && text !== '')
    return new SourceError('tempo', kind, text, { status: res.status });
  const detail = text === '' ? '' : `: ${text}`;
  return new SourceError('tempo', kind, `tempo ${operation}: HTTP ${res.status}${detail}`, {
    status: res.status,
  });
}

/** The body as one line of text, or '' when it is empty or markup. */
export function plainText(res: UpstreamResponse): string {
  if (/html|xml/i.test(res.contentType) || /^\s*</.test(res.body)) return '';
  const line = res.body.replace(/\s+/g, ' ').trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}
