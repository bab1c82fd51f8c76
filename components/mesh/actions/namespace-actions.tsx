'use client';

import type { ReactNode } from 'react';
import type { NamespaceDetail } from '@/lib/mesh/detail-types';
import { ActionButton } from './action-button';

/** The posture actions of the namespace page: enrollment, waypoints, PeerAuthentication. */
export function NamespaceActions({ data }: { data: NamespaceDetail }): ReactNode {
  const namespace = data.namespace;
  const { posture } = data;
  const enrolled = posture.enrollment?.split(', ').includes('istio.io/dataplane-mode=ambient') ?? false;
  const bound = posture.waypoints.some((w) =>
    w.usedBy.some((by) => by === 'namespace' || by.startsWith('service/')),
  );
  const mode = posture.peerAuthentication?.mode;
  return (
    <div data-testid="namespace-actions" className="mt-3 flex flex-wrap items-center gap-2">
      {enrolled ? (
        <ActionButton kind="Namespace" request={{ action: 'remove-ambient', namespace }}>
          Remove from ambient…
        </ActionButton>
      ) : (
        <ActionButton kind="Namespace" request={{ action: 'enroll-ambient', namespace }}>
          Enroll in ambient…
        </ActionButton>
      )}
      <ActionButton
        kind="Gateway"
        request={{ action: 'create-waypoint', namespace, scope: 'namespace', waypointFor: 'service' }}
      >
        Create waypoint…
      </ActionButton>
      <ActionButton
        kind="Namespace"
        request={{
          action: 'bind-waypoint',
          namespace,
          target: { kind: 'namespace' },
          waypoint: { namespace, name: '' },
        }}
      >
        Bind to waypoint…
      </ActionButton>
      {bound && (
        <ActionButton
          kind="Namespace"
          request={{ action: 'unbind-waypoint', namespace, target: { kind: 'namespace' } }}
        >
          Unbind waypoint…
        </ActionButton>
      )}
      <ActionButton
        kind="PeerAuthentication"
        request={{
          action: 'set-peerauthentication',
          namespace,
          mode: mode === 'STRICT' ? 'PERMISSIVE' : 'STRICT',
        }}
      >
        Set mTLS mode…
      </ActionButton>
    </div>
  );
}
