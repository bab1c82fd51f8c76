import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import { ParamError } from '@/lib/api/params';
import { authorizationImpact, type AuthorizationImpact } from '@/lib/impact/authorization-impact';
import type { KubeObject } from '@/lib/kube/object';
import { readGraph, type GraphSources } from '@/server/graph';
import { impactContext } from './context';

/** The answer of an AuthorizationPolicy impact preview: the window judged, and what the policy would change. */
export interface AuthorizationImpactAnswer extends AuthorizationImpact {
  windowSeconds: number;
  /** Edges of the window judged. */
  edges: number;
}

/** Refuses anything but an AuthorizationPolicy with a namespace and a name, naming the field. */
export function checkProposedPolicy(object: unknown): KubeObject {
  const o = object as Partial<KubeObject> | null;
  if (typeof o !== 'object' || o === null)
    throw new ParamError('object', 'object must be an AuthorizationPolicy object');
  if (o.kind !== 'AuthorizationPolicy' || !/^security\.istio\.io\/v1(beta1)?$/.test(String(o.apiVersion))) {
    throw new ParamError('object', 'object must be a security.istio.io/v1 AuthorizationPolicy');
  }
  if (!o.metadata?.name || !o.metadata.namespace) {
    throw new ParamError('object', 'object.metadata must give a name and a namespace');
  }
  return o as KubeObject;
}

/**
 * What applying `proposed` would do to the traffic seen in the window (lib/impact/authorization-impact.ts): the
 * workload graph of every namespace, judged with the live policies and with the proposed one in their place.
 * Without traffic figures (metrics down), `data` is null and `errors` says why.
 */
export async function readAuthorizationImpact(
  proposed: KubeObject,
  windowSeconds: number,
  sources: GraphSources,
  signal?: AbortSignal,
): Promise<DataResponse<AuthorizationImpactAnswer | null>> {
  const graph = await readGraph(
    { namespaces: '*', windowSeconds, end: null, graphType: 'workload', layers: 'both' },
    sources,
    { signal },
  );
  const errors = graph.errors;
  if (errors.some((e) => e.source === 'prometheus')) return { data: null, errors };
  const impact = authorizationImpact(proposed, impactContext(graph, sources.kube));
  return { data: { ...impact, windowSeconds, edges: graph.edges.length }, errors };
}
