/**
 * Kubernetes `Status` objects and the error that carries one. Every refusal of the demo API server, from the store
 * or from the HTTP layer, is an {@link ApiError}, so clients (kubectl, client-node) see the reasons and codes a real
 * API server would give them.
 */

/** The `reason` field values this server uses (a subset of metav1.StatusReason). */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'Gone'
  | 'Expired'
  | 'MethodNotAllowed'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'NotAcceptable'
  | 'InternalError';

/** One problem with one field of a refused object. */
export interface StatusCause {
  /** e.g. `FieldValueInvalid`, `FieldValueRequired`. */
  reason: string;
  message: string;
  /** Dotted path with indexes, e.g. `spec.http[0].route[0].weight`. */
  field: string;
}

/** What the refusal is about. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
}

/** A `meta.k8s.io/v1` Status as sent on the wire. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message: string;
  reason: StatusReason;
  details?: StatusDetails;
  /** The HTTP status code. */
  code: number;
}

/** An error answered as a Kubernetes Status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: Status;

  constructor(code: number, reason: StatusReason, message: string, details?: StatusDetails) {
    super(message);
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    };
    if (details) this.status.details = details;
  }

  /** The HTTP status code. */
  get code(): number {
    return this.status.code;
  }
}

/** Who an error is about: the kind's group and plural resource name (`virtualservices.networking.istio.io`). */
export interface Subject {
  group: string;
  plural: string;
  kind: string;
}

function qualified(subject: Subject): string {
  return subject.group ? `${subject.plural}.${subject.group}` : subject.plural;
}

/** 404, as `pods "x" not found`. */
export function notFound(subject: Subject, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualified(subject)} "${name}" not found`, {
    name,
    group: subject.group,
    kind: subject.plural,
  });
}

/** 409 on create, as `pods "x" already exists`. */
export function alreadyExists(subject: Subject, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualified(subject)} "${name}" already exists`, {
    name,
    group: subject.group,
    kind: subject.plural,
  });
}

/** 409 on a write whose resourceVersion precondition is stale. */
export function conflict(subject: Subject, name: string): ApiError {
  const message =
    `Operation cannot be fulfilled on ${qualified(subject)} "${name}": ` +
    'the object has been modified; please apply your changes to the latest version and try again';
  return new ApiError(409, 'Conflict', message, { name, group: subject.group, kind: subject.plural });
}

/** 422 with one cause per bad field, as `VirtualService.networking.istio.io "x" is invalid: …`. */
export function invalid(subject: Subject, name: string, causes: StatusCause[]): ApiError {
  const what = subject.group ? `${subject.kind}.${subject.group}` : subject.kind;
  const summary = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(', ');
  return new ApiError(422, 'Invalid', `${what} "${name}" is invalid: ${summary}`, {
    name,
    group: subject.group,
    kind: subject.kind,
    causes,
  });
}

/** 400 for input that cannot be understood. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** 410 for a watch or list from a resourceVersion older than the retained history. */
export function gone(resourceVersion: string, oldest: number): ApiError {
  return new ApiError(410, 'Expired', `too old resource version: ${resourceVersion} (${oldest})`);
}

/**
 * 410 for a watch from a resourceVersion this store never reached (a client that outlived a store, e.g. across a
 * demo restart). Kubernetes answers 504 "Too large resource version" after a wait; a 410 makes client-node and
 * client-go informers relist at once, which is what that client needs.
 */
export function tooNew(resourceVersion: string, current: string): ApiError {
  return new ApiError(410, 'Expired', `too large resource version: ${resourceVersion}, current: ${current}`);
}
