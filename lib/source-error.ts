/**
 * Typed errors for everything the dashboard reads from or writes to: Kubernetes, Prometheus and Tempo.
 * Errors are data (style.md): the kind is a closed union so that pages can decide what to show without parsing
 * messages, and the DTO form travels to the browser inside `{data, errors[]}` answers.
 */

/** The upstream systems the dashboard talks to. */
export type SourceName = 'kubernetes' | 'prometheus' | 'tempo';

/** Every way an upstream call can fail, independent of the upstream. */
export type SourceErrorKind =
  /** Connection refused, DNS failure, TLS failure: nothing answered. */
  | 'unreachable'
  /** No complete answer within the configured timeout. */
  | 'timeout'
  /** The upstream refused our credentials (HTTP 401). */
  | 'unauthorized'
  /** The credentials are fine but lack the permission (HTTP 403). */
  | 'forbidden'
  /** The query (PromQL, TraceQL, label selector) was rejected as malformed. */
  | 'bad_query'
  /** The query was well formed but failed while running (Prometheus `execution`, 422). */
  | 'execution'
  /** The object or endpoint does not exist (HTTP 404). */
  | 'not_found'
  /** A write raced another write (HTTP 409, stale resourceVersion). */
  | 'conflict'
  /** The upstream refused the object as invalid (HTTP 422 from Kubernetes). */
  | 'invalid'
  /** The upstream is up but overloaded or not ready (HTTP 429, 5xx). */
  | 'unavailable'
  /** The answer could not be understood: HTML instead of JSON, a truncated body, a missing field. */
  | 'bad_response'
  /** The cluster does not serve a resource kind the dashboard reads (no Gateway API, an older Istio). */
  | 'missing_kind';

/** The serialisable form of a {@link SourceError}, as sent to the browser. Never contains a stack trace. */
export interface SourceErrorDTO {
  source: SourceName;
  kind: SourceErrorKind;
  /** One line for a person: what failed and where. */
  message: string;
  /** The upstream's HTTP status, when it answered with one. */
  status?: number;
}

/** An upstream failure with its source and kind. Thrown by adapters, caught at the route boundary. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly source: SourceName;
  readonly kind: SourceErrorKind;
  readonly status: number | undefined;

  constructor(
    source: SourceName,
    kind: SourceErrorKind,
    message: string,
    options?: { status?: number; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.source = source;
    this.kind = kind;
    this.status = options?.status;
  }

  /** The browser-safe form: source, kind, message and status only. */
  toDTO(): SourceErrorDTO {
    const dto: SourceErrorDTO = { source: this.source, kind: this.kind, message: this.message };
    if (this.status !== undefined) dto.status = this.status;
    return dto;
  }
}

/** True for a {@link SourceError}, also across module copies (Next.js may bundle a module twice). */
export function isSourceError(value: unknown): value is SourceError {
  return (
    value instanceof SourceError ||
    (value instanceof Error && value.name === 'SourceError' && 'kind' in value)
  );
}

/** The kind an HTTP status maps to when the upstream says nothing more specific. */
export function kindForHttpStatus(status: number): SourceErrorKind {
  if (status === 400) return 'bad_query';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'invalid';
  if (status === 408 || status === 504) return 'timeout';
  return 'unavailable';
}
