import 'server-only';
import { diffObjects } from '@/lib/write/diff';
import { objectDiff } from '@/lib/write/text-diff';
import type { JsonObject, WriteAnswer, WriteProblem } from '@/lib/write/types';
import type { Locator } from '@/lib/write/yaml-locate';
import { statusOfFailure } from './kube-rest';

/** An answer with the HTTP status it goes out with. */
export interface WriteReply<A extends WriteAnswer = WriteAnswer> {
  status: number;
  answer: A;
}

/** 422 with the problems. */
export function invalid(problems: WriteProblem[]): WriteReply {
  return { status: 422, answer: { outcome: 'invalid', problems } };
}

/** A refusal that is not about the YAML: 400 (the request), 403 (RBAC), 404 (no such object), 503 (audit). */
export function refused(status: number, message: string): WriteReply {
  return { status, answer: { outcome: 'refused', error: { message } } };
}

/** 409: the live object is not the one the edit started from. `yours` is the edit (null for a delete). */
export function conflict(message: string, yours: JsonObject | null, theirs: JsonObject | null): WriteReply {
  return {
    status: 409,
    answer: {
      outcome: 'conflict',
      conflict: {
        message,
        yours,
        theirs,
        changes: diffObjects(theirs, yours),
        diff: objectDiff(theirs, yours, { from: 'theirs (live)', to: 'yours' }),
      },
    },
  };
}

/** A copy without `metadata.managedFields`, which nobody edits and which would fill the page. */
export function shown(object: JsonObject): JsonObject;
export function shown(object: JsonObject | null): JsonObject | null;
export function shown(object: JsonObject | null): JsonObject | null {
  if (object === null) return null;
  const metadata = object['metadata'];
  if (typeof metadata !== 'object' || metadata === null || !('managedFields' in metadata)) return object;
  const { managedFields: _dropped, ...rest } = metadata as JsonObject;
  return { ...object, metadata: rest };
}

/** The resourceVersion of an object, if it has one. */
export function resourceVersionOf(object: JsonObject | null): string | undefined {
  const metadata = object?.['metadata'];
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const rv = (metadata as JsonObject)['resourceVersion'];
  return typeof rv === 'string' ? rv : undefined;
}

/**
 * The answer for an API server refusal the write path expects: 422 Invalid (its causes become problems placed in
 * the YAML), 400, 403 Forbidden and 404. Anything else is undefined, and the caller rethrows it (the route answers
 * a 502/504 with the typed error). A 409 is the caller's to answer, with the live object.
 */
export function fromKubeRefusal(error: unknown, locate?: Locator): WriteReply | undefined {
  const failure = statusOfFailure(error);
  if (!failure) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (failure.status === 422 || failure.status === 400) {
    const problems: WriteProblem[] = failure.causes.map((c) => {
      const path = c.field ?? '';
      const at = path === '' ? undefined : locate?.(path);
      return {
        path,
        message: `${path === '' ? '' : `${path}: `}${c.message ?? c.reason ?? 'invalid'}`,
        ...at,
      };
    });
    return invalid(problems.length > 0 ? problems : [{ path: '', message }]);
  }
  if (failure.status === 403) return refused(403, `the API server refused the write: ${message}`);
  if (failure.status === 404) return refused(404, message);
  return undefined;
}

/** True when the error is the API server's 409 (a stale resourceVersion, or an object that exists already). */
export function isConflict(error: unknown): boolean {
  return statusOfFailure(error)?.status === 409;
}
