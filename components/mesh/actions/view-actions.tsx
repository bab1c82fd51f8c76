'use client';

import type { ReactNode } from 'react';
import type { NamespaceMtls, WaypointCard } from '@/lib/mesh/views-types';
import { ActionButton } from './action-button';

/** Under a waypoint card: an Unbind for each namespace and Service whose own label names the waypoint. */
export function WaypointUnbindActions({ card }: { card: WaypointCard }): ReactNode {
  const bindings = card.bindings.filter((b) => b.kind === 'namespace' || b.kind === 'service');
  if (bindings.length === 0) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {bindings.map((b) => (
        <ActionButton
          key={`${b.kind}:${b.namespace}/${b.name}`}
          kind={b.kind === 'namespace' ? 'Namespace' : 'Service'}
          subject={b.kind === 'namespace' ? b.namespace : `${b.namespace}/${b.name}`}
          request={{
            action: 'unbind-waypoint',
            namespace: b.namespace,
            target: b.kind === 'namespace' ? { kind: 'namespace' } : { kind: 'service', name: b.name },
          }}
        >
          Unbind {b.kind === 'namespace' ? `namespace ${b.namespace}` : `Service ${b.name}`}…
        </ActionButton>
      ))}
    </div>
  );
}

/** Beside an ambient namespace without a waypoint: create one. */
export function CreateWaypointAction({ namespace }: { namespace: string }): ReactNode {
  return (
    <ActionButton
      kind="Gateway"
      subject={namespace}
      request={{ action: 'create-waypoint', namespace, scope: 'namespace', waypointFor: 'service' }}
    >
      Create a waypoint in {namespace}…
    </ActionButton>
  );
}

/** In a namespace's row of the mTLS view: set its PeerAuthentication mode (STRICT unless it is already). */
export function SetModeAction({ row }: { row: NamespaceMtls }): ReactNode {
  return (
    <ActionButton
      kind="PeerAuthentication"
      subject={row.namespace}
      request={{
        action: 'set-peerauthentication',
        namespace: row.namespace,
        mode: row.mode === 'STRICT' ? 'PERMISSIVE' : 'STRICT',
      }}
    >
      Set mode…
    </ActionButton>
  );
}
