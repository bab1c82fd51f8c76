'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type Dispatch } from 'react';
import { objectAt } from '@/lib/editor/lens';
import { rebase } from '@/lib/editor/rebase';
import type { EditSession, SessionAction } from '@/lib/editor/session';
import { configKeys } from '@/lib/queries/config';
import {
  IMPACT_KINDS,
  postImpact,
  postJson,
  writeKeys,
  type ImpactOutcome,
  type WriteOutcome,
} from '@/lib/queries/write';
import type { AppliedAnswer, ConflictAnswer, JsonObject, PreviewRequest } from '@/lib/write/types';
import type { PreviewState, WriteResult } from './panel-state';

/** What the edit page can do, and what its last actions answered. */
export interface EditActions {
  busy: string | null;
  preview: PreviewState | null;
  result: WriteResult | null;
  /** The edit kept aside when a rebase could not merge it (the editor then holds theirs). */
  kept: string | null;
  acknowledged: boolean;
  setAcknowledged: (on: boolean) => void;
  runPreview: () => Promise<void>;
  runApply: () => Promise<void>;
  runDelete: (confirm: string) => Promise<void>;
  runUndo: () => Promise<void>;
  runRebase: () => void;
  afterRevert: (answer: AppliedAnswer) => void;
  dropKept: () => void;
}

function impactOf(session: EditSession, window: string): Promise<ImpactOutcome> | null {
  const object = session.object;
  if (object === null || !IMPACT_KINDS.includes(session.target.kind)) return null;
  // The impact route needs the namespace, which the YAML may leave to the edit.
  const metadata = { namespace: session.target.namespace, ...objectAt(object['metadata']) };
  return postImpact({ ...object, metadata }, window);
}

function conflictOf(
  preview: PreviewState | null,
  result: WriteResult | null,
): ConflictAnswer['conflict'] | null {
  if (result?.answer.outcome === 'conflict') return result.answer.conflict;
  if (preview?.answer.outcome === 'conflict') return preview.answer.conflict;
  return null;
}

/** The edit page's actions over its session: preview (with impact), apply, delete, undo, rebase. */
export function useEditActions(
  session: EditSession,
  dispatch: Dispatch<SessionAction>,
  csrfToken: string,
  window: string,
): EditActions {
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [result, setResult] = useState<WriteResult | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const { target, base, text } = session;

  const request = (): PreviewRequest => ({
    ...target,
    yaml: text,
    ...(base.resourceVersion !== undefined ? { baseResourceVersion: base.resourceVersion } : {}),
  });
  const ack = acknowledged ? { acknowledgeGitOps: true } : {};
  const written = (answer: WriteOutcome, stored: JsonObject | null): void => {
    if (answer.outcome !== 'applied' || answer.operation === 'unchanged') return;
    dispatch({ type: 'written', stored });
    setPreview(null);
    setAcknowledged(false);
    void client.invalidateQueries({ queryKey: writeKeys.audits });
    void client.invalidateQueries({ queryKey: configKeys.all });
  };
  const run = async <T extends WriteOutcome | [WriteOutcome, unknown]>(
    what: string,
    call: () => Promise<T>,
  ): Promise<T> => {
    setBusy(what);
    try {
      const answer = await call();
      const outcome: WriteOutcome = Array.isArray(answer) ? answer[0] : (answer as WriteOutcome);
      // A refused token (expired, or minted by another replica): fetch a new one for the next try.
      if (outcome.outcome === 'error' && outcome.status === 403) {
        void client.invalidateQueries({ queryKey: writeKeys.capabilities });
      }
      return answer;
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    preview,
    result,
    kept,
    acknowledged,
    setAcknowledged,
    runPreview: async () => {
      const [answer, impact] = await run('preview', () =>
        Promise.all([postJson('/api/write/preview', request(), csrfToken), impactOf(session, window)]),
      );
      setResult(null);
      setPreview({ forText: text, answer, impact });
      dispatch({ type: 'previewed', text: answer.outcome === 'preview' ? text : null });
    },
    runApply: async () => {
      const answer = await run('apply', () =>
        postJson('/api/write/apply', { ...request(), ...ack }, csrfToken),
      );
      setResult({ action: 'apply', answer, yaml: text });
      if (answer.outcome === 'applied') written(answer, answer.object);
    },
    runDelete: async (confirm) => {
      if (target.name === undefined || base.resourceVersion === undefined) return;
      const body = {
        ...target,
        name: target.name,
        baseResourceVersion: base.resourceVersion,
        confirm,
        ...ack,
      };
      const answer = await run('delete', () => postJson('/api/write/delete', body, csrfToken));
      setResult({ action: 'delete', answer, yaml: text });
      written(answer, null);
    },
    runUndo: async () => {
      const audit = result?.answer.outcome === 'applied' ? result.answer.audit : null;
      if (audit === null || audit === undefined) return;
      const baseResourceVersion = audit.action === 'delete' ? undefined : audit.resourceVersion;
      const body = { auditId: audit.id, ...(baseResourceVersion ? { baseResourceVersion } : {}), ...ack };
      const answer = await run('undo', () => postJson('/api/write/revert', body, csrfToken));
      setResult({ action: 'revert', answer, yaml: text });
      if (answer.outcome === 'applied') written(answer, answer.object);
    },
    runRebase: () => {
      const conflict = conflictOf(preview, result);
      if (conflict === null) return;
      const theirs = conflict.theirs;
      const merged = theirs === null ? null : rebase(base.object, session.object ?? {}, theirs);
      if (theirs === null) dispatch({ type: 'base', live: null, edit: session.object ?? undefined });
      else if (merged?.ok) dispatch({ type: 'base', live: theirs, edit: merged.merged });
      else {
        setKept(text);
        dispatch({ type: 'base', live: theirs });
      }
      if (merged?.ok || theirs === null) setKept(null);
      setPreview(null);
      setResult(null);
      // Someone else's change may have been made here too: show it in the history.
      void client.invalidateQueries({ queryKey: writeKeys.audits });
    },
    afterRevert: (answer) => {
      if (answer.operation !== 'unchanged') dispatch({ type: 'written', stored: answer.object });
      setPreview(null);
      setResult(null);
    },
    dropKept: () => setKept(null),
  };
}
