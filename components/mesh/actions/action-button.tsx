'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ActionKind, ActionRequest } from '@/lib/mesh/actions';
import type { PolicyRow } from '@/lib/mesh/detail-types';
import { capabilitiesQuery } from '@/lib/queries/write';
import type { WriteCapabilities } from '@/lib/write/types';
import { ActionDialog } from './action-dialog';

/**
 * True when the dashboard, and the signed-in user's RBAC in the action's namespace, may write `kind`
 * (capabilities read, not read-only): else no action control shows.
 */
export function canWrite(caps: WriteCapabilities | undefined, kind: ActionKind): boolean {
  return caps !== undefined && !caps.readOnly && caps.kinds.some((k) => k.kind === kind);
}

/** The small button style of the posture actions. */
export const ACTION_BUTTON =
  'rounded border border-sky-300 px-2 py-0.5 text-xs font-medium text-sky-800 hover:bg-sky-50 dark:border-sky-700 dark:text-sky-300 dark:hover:bg-sky-950';

/**
 * A button (`data-testid="action-<name>"`) that opens the action's dialog. Renders nothing until the capabilities
 * say the dashboard may write the kind, and nothing at all when it is read-only.
 */
export function ActionButton(props: {
  request: ActionRequest;
  /** The kind the action writes, to check against the capabilities. */
  kind: ActionKind;
  children: ReactNode;
  /** Says what the button acts on, for tests and people (`payments/api`). */
  subject?: string;
  policies?: readonly PolicyRow[];
}): ReactNode {
  const { data: caps } = useQuery(capabilitiesQuery(props.request.namespace));
  const [open, setOpen] = useState(false);
  if (!canWrite(caps, props.kind)) return null;
  return (
    <>
      <button
        type="button"
        data-testid={`action-${props.request.action}`}
        data-subject={props.subject}
        onClick={() => setOpen(true)}
        className={ACTION_BUTTON}
      >
        {props.children}
      </button>
      {open &&
        createPortal(
          <ActionDialog request={props.request} policies={props.policies} onClose={() => setOpen(false)} />,
          document.body,
        )}
    </>
  );
}
