/**
 * What a new object starts as, per kind: the least a person fills in, and nothing that changes traffic until they
 * do (a DENY policy without rules denies nothing; a VirtualService without routes is refused until it has one).
 */
import { apiVersionsOf } from '@/lib/config/kinds';
import type { JsonObject } from '@/lib/write/types';
import type { EditableKind } from './edit-params';

const SPECS: Readonly<Record<EditableKind, () => { name: string; spec: JsonObject; labels?: JsonObject }>> = {
  VirtualService: () => ({ name: '', spec: { hosts: [], http: [] } }),
  AuthorizationPolicy: () => ({ name: '', spec: { action: 'DENY', rules: [] } }),
  DestinationRule: () => ({ name: '', spec: { host: '', subsets: [] } }),
  PeerAuthentication: () => ({ name: 'default', spec: { mtls: { mode: 'STRICT' } } }),
  RequestAuthentication: () => ({ name: '', spec: { jwtRules: [{ issuer: '', jwksUri: '' }] } }),
  Gateway: () => ({
    name: 'waypoint',
    labels: { 'istio.io/waypoint-for': 'service' },
    spec: {
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
  }),
};

/** A new object of the kind in the namespace, at the kind's preferred apiVersion. */
export function skeletonOf(kind: EditableKind, namespace: string): JsonObject {
  const { name, spec, labels } = SPECS[kind]();
  const [apiVersion = ''] = apiVersionsOf(kind);
  return {
    apiVersion,
    kind,
    metadata: { name, namespace, ...(labels ? { labels } : {}) },
    spec,
  };
}
