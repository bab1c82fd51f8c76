import 'server-only';
import { diffObjects, serverFieldsIn, withoutServerFields } from '@/lib/write/diff';
import { locateProblems, parseManifest } from '@/lib/write/manifest';
import type { EditTarget, JsonObject } from '@/lib/write/types';
import { outsideEditable, validateWith } from '@/lib/write/validate';
import { resourcePath, type WritableKind } from '@/lib/write/writable-kinds';
import type { Locator } from '@/lib/write/yaml-locate';
import {
  conflict,
  fromKubeRefusal,
  invalid,
  isConflict,
  refused,
  resourceVersionOf,
  type WriteReply,
} from './answers';
import type { WriteContext } from './context';

/**
 * The steps an edit goes through before it is written, shared by preview, apply and revert: parse and validate the
 * YAML (nothing reaches the API server before it passes), read the live object, check it is the one the edit started
 * from, then ask the server for a dry run of exactly the write that apply would make.
 */

/** An edit that passed the checks that need no cluster. */
export interface CheckedEdit {
  kind: WritableKind;
  version: string;
  /** The object to send: as submitted, without status and server-managed metadata. */
  object: JsonObject;
  /** The object's namespace (undefined for a Namespace) and name. */
  namespace: string | undefined;
  name: string;
  /** REST path of the object. */
  path: string;
  locate: Locator;
  warnings: string[];
}

/** An edit the API server accepted in a dry run. */
export interface DryRunEdit {
  edit: CheckedEdit;
  /** The live object, or null when the edit creates it. */
  live: JsonObject | null;
  /** What the server would store. */
  dry: JsonObject;
  operation: 'create' | 'update';
  /** The resourceVersion the write is conditioned on (undefined for a create). */
  base: string | undefined;
}

/** Parses and validates the YAML of an edit of `target` (no cluster call). */
export function checkEdit(
  target: EditTarget & { yaml: string },
  ctx: Pick<WriteContext, 'validators'>,
): CheckedEdit | WriteReply {
  const manifest = parseManifest(target.yaml, target);
  if (!manifest.ok) return invalid(manifest.problems);
  const problems = validateWith(manifest.object, ctx.validators);
  if (problems.length > 0) return invalid(locateProblems(problems, manifest.locate));
  const ignored = serverFieldsIn(manifest.object);
  const warnings = ignored.length > 0 ? [`set by the API server, so ignored: ${ignored.join(', ')}`] : [];
  const { name, namespace } = manifest.object.metadata;
  const ns = manifest.kind.namespaced ? namespace : undefined;
  return {
    kind: manifest.kind,
    version: manifest.version,
    object: withoutServerFields(manifest.object),
    namespace: ns,
    name,
    path: resourcePath(manifest.kind, manifest.version, ns, name),
    locate: manifest.locate,
    warnings,
  };
}

/** A conflict when the live object is not the one the edit started from (`base`), before any write is tried. */
function staleBase(
  edit: CheckedEdit,
  live: JsonObject | null,
  base: string | undefined,
): WriteReply | undefined {
  const what = `${edit.kind.kind} ${edit.namespace ? `${edit.namespace}/` : ''}${edit.name}`;
  const liveVersion = resourceVersionOf(live);
  if (base === undefined && live !== null) {
    return conflict(
      `${what} exists already (resourceVersion ${liveVersion ?? '?'}); edit it instead`,
      edit.object,
      live,
    );
  }
  if (base !== undefined && live === null) {
    return conflict(
      `${what} was deleted after the edit started (from resourceVersion ${base})`,
      edit.object,
      null,
    );
  }
  if (base !== undefined && liveVersion !== base) {
    return conflict(
      `${what} changed after the edit started: it is at resourceVersion ${liveVersion ?? '?'}, the edit started from ${base}`,
      edit.object,
      live,
    );
  }
  return undefined;
}

/** Sends the write (dry run or real); the server's refusals become answers, a race becomes a conflict. */
export async function sendEdit(
  edit: CheckedEdit,
  base: string | undefined,
  ctx: WriteContext,
  dryRun: boolean,
): Promise<JsonObject | WriteReply> {
  const operation = `${dryRun ? 'dry-run ' : ''}${base === undefined ? 'create' : 'update'} ${edit.kind.plural}`;
  try {
    if (base === undefined) {
      const collection = resourcePath(edit.kind, edit.version, edit.namespace);
      return await ctx.kube.create(collection, edit.object, operation, { dryRun });
    }
    const metadata = { ...(edit.object['metadata'] as JsonObject), resourceVersion: base };
    return await ctx.kube.replace(edit.path, { ...edit.object, metadata }, operation, { dryRun });
  } catch (error) {
    if (isConflict(error)) {
      const theirs = await ctx.kube.get(edit.path, `get ${edit.kind.plural}`);
      return (
        staleBase(edit, theirs, base) ??
        conflict(error instanceof Error ? error.message : String(error), edit.object, theirs)
      );
    }
    const answer = fromKubeRefusal(error, edit.locate);
    if (answer) return answer;
    throw error;
  }
}

/** Reads the live object, checks the base, the editable fields and the verb, and dry-runs the write. */
export async function dryRunEdit(
  edit: CheckedEdit,
  base: string | undefined,
  ctx: WriteContext,
): Promise<DryRunEdit | WriteReply> {
  const live = await ctx.kube.get(edit.path, `get ${edit.kind.plural}`);
  const stale = staleBase(edit, live, base);
  if (stale) return stale;
  const operation = live === null ? 'create' : 'update';
  if (!edit.kind.verbs.includes(operation)) {
    return refused(400, `the dashboard does not ${operation} ${edit.kind.kind} objects`);
  }
  const dry = await sendEdit(edit, base, ctx, true);
  if (isReply(dry)) return dry;
  // Judged on what the server would store, so that fields it defaults (a Namespace's finalizers) are no change.
  const outside = outsideEditable(diffObjects(live, dry), edit.kind);
  if (outside.length > 0) return invalid(locateProblems(outside, edit.locate));
  return { edit, live, dry, operation, base };
}

/** True for a {@link WriteReply} (as opposed to an object or a step's result). */
export function isReply(value: unknown): value is WriteReply {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { answer?: unknown }).answer === 'object'
  );
}
