'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { editHref, parseEditParams, type EditRequest } from '@/lib/editor/edit-params';
import { orderLike } from '@/lib/editor/key-order';
import { nameOf, startSession } from '@/lib/editor/session';
import { skeletonOf } from '@/lib/editor/skeleton';
import { yamlOf } from '@/lib/editor/yaml-text';
import { capabilitiesQuery, editedObjectQuery } from '@/lib/queries/write';
import { withoutServerFields } from '@/lib/write/diff';
import type { JsonObject, WriteCapabilities } from '@/lib/write/types';
import { EmptyState } from '@/components/ui/empty-state';
import { AuditHistory } from './audit-history';
import { EditWorkbench } from './edit-workbench';
import { ReadOnlyView } from './read-only-view';
import { BUTTON } from './ui';
import { GitOpsNotice } from './write-notices';

type Ready = Extract<EditRequest, { ok: true }>;

/** Why this kind cannot be written here, or null when it can. */
function readOnlyReason(capabilities: WriteCapabilities, kind: string): string | null {
  if (capabilities.readOnly) {
    return 'The dashboard is read-only (READ_ONLY=true): it shows the YAML and writes nothing. Copy it to apply with kubectl or to commit to Git.';
  }
  if (!capabilities.kinds.some((k) => k.kind === kind))
    return `You may not change ${kind} objects here: the dashboard does not write them, or your Kubernetes RBAC does not allow it in this namespace. The YAML is shown to copy.`;
  return null;
}

/** The editor for a link that names a live object (`name`), once the capabilities are known. */
function Loaded(props: {
  request: Ready;
  capabilities: WriteCapabilities;
  live: JsonObject | null;
  gitops: { tool: 'argo-cd' | 'flux'; evidence: string } | null;
  /** True when a draft without `name` turned out to name an existing object. */
  draftOfExisting?: boolean;
}): ReactNode {
  const { request, capabilities, live } = props;
  const draft = request.draft !== null && live !== null ? orderLike(request.draft, live) : request.draft;
  const start = draft ?? live ?? skeletonOf(request.kind, request.namespace);
  const target = {
    kind: request.kind,
    namespace: request.namespace,
    ...(request.name !== null ? { name: request.name } : {}),
  };
  const title =
    request.name === null
      ? `New ${request.kind} in ${request.namespace}`
      : `${request.kind} ${request.namespace}/${request.name}`;
  const reason = readOnlyReason(capabilities, request.kind);
  const gitops = props.gitops && (
    <GitOpsNotice
      testId="editor-gitops-flag"
      yaml={yamlOf(withoutServerFields(start))}
      gitops={{ manager: props.gitops.tool === 'argo-cd' ? 'argocd' : 'flux', detail: props.gitops.evidence }}
    />
  );
  if (reason !== null || capabilities.csrfToken === null) {
    return (
      <div className="space-y-4">
        <ReadOnlyView
          title={title}
          yaml={yamlOf(withoutServerFields(start))}
          reason={reason ?? 'The dashboard gave no write token.'}
        />
        {request.name !== null && (
          <AuditHistory
            filter={{ kind: request.kind, namespace: request.namespace, name: request.name }}
            csrfToken={null}
          />
        )}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {gitops}
      {props.draftOfExisting && (
        <p data-testid="editor-draft-existing" className="text-sm text-sky-800 dark:text-sky-300">
          {request.kind} {request.namespace}/{request.name} exists: the prepared change is shown as an edit of
          it. Preview to see exactly what it changes.
        </p>
      )}
      <EditWorkbench
        kind={request.kind}
        csrfToken={capabilities.csrfToken}
        initial={startSession(target, live, start)}
      />
    </div>
  );
}

/** Loads the live object of an edit, then the editor; says so when there is no such object. */
function WithObject(props: {
  request: Ready & { name: string };
  capabilities: WriteCapabilities;
  /** A draft without `name`: a new object, unless one of its name exists (then the draft edits it). */
  orNew?: boolean;
}): ReactNode {
  const { request } = props;
  const query = useQuery(editedObjectQuery(request.kind, request.namespace, request.name));
  if (query.isPending)
    return (
      <p className="text-sm text-slate-500">
        Reading {request.kind} {request.namespace}/{request.name}…
      </p>
    );
  if (query.isError)
    return (
      <EmptyState testId="editor-error" title="The object could not be read">
        {query.error.message}
      </EmptyState>
    );
  if (query.data === null && props.orNew) {
    return (
      <Loaded
        request={{ ...request, name: null }}
        capabilities={props.capabilities}
        live={null}
        gitops={null}
      />
    );
  }
  if (query.data === null) {
    return (
      <EmptyState
        testId="editor-not-found"
        title={`There is no ${request.kind} ${request.namespace}/${request.name}`}
      >
        It may have been deleted.{' '}
        <Link className={BUTTON.link} href={editHref({ kind: request.kind, namespace: request.namespace })}>
          Create a new {request.kind}
        </Link>
      </EmptyState>
    );
  }
  return (
    <Loaded
      request={request}
      capabilities={props.capabilities}
      live={query.data.object as unknown as JsonObject}
      gitops={query.data.gitops}
      draftOfExisting={props.orNew}
    />
  );
}

/** The editor for one link, read once: the shell's view may rewrite `ns` later, which must not switch the edit. */
function EditLink({ search }: { search: string }): ReactNode {
  const [request] = useState(() => parseEditParams(new URLSearchParams(search)));
  const capabilities = useQuery(capabilitiesQuery(request.ok ? request.namespace : undefined));
  if (!request.ok) {
    return (
      <EmptyState testId="editor-link-error" title="This link does not open an edit">
        {request.message}
      </EmptyState>
    );
  }
  if (capabilities.isPending)
    return <p className="text-sm text-slate-500">Asking what the dashboard may write…</p>;
  if (capabilities.isError) {
    return (
      <EmptyState testId="editor-error" title="The write settings could not be read">
        {capabilities.error.message}
      </EmptyState>
    );
  }
  const name = request.name;
  if (name !== null) return <WithObject request={{ ...request, name }} capabilities={capabilities.data} />;
  const draftName = request.draft === null ? undefined : nameOf(request.draft);
  if (draftName !== undefined) {
    return <WithObject request={{ ...request, name: draftName }} capabilities={capabilities.data} orNew />;
  }
  return <Loaded request={request} capabilities={capabilities.data} live={null} gitops={null} />;
}

/**
 * The `/config/edit` page. A link to another object (kind, name, new, draft) starts a new edit; a change of the
 * shell's view alone (namespaces, window) keeps the one open.
 */
export function EditView(): ReactNode {
  const params = useSearchParams();
  const key = ['kind', 'name', 'new', 'draft'].map((k) => params.get(k) ?? '').join('|');
  return <EditLink key={key} search={params.toString()} />;
}
