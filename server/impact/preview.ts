import { SEES_ALL, type Visibility } from '@/lib/auth/visibility';
import { visibleImpact } from './visible-impact';
import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import { ParamError } from '@/lib/api/params';
import { authorizationImpact, type AuthorizationImpact } from '@/lib/impact/authorization-impact';
import { virtualServiceImpact, type HostImpact } from '@/lib/impact/virtual-service-impact';
import type { KubeObject } from '@/lib/kube/object';
import { readGraph, type GraphSources } from '@/server/graph';
import { impactContext, routingContext } from './context';

/** The kinds an impact preview judges, with the API versions accepted. */
const PREVIEWED: Readonly<Record<string, RegExp>> = {
  AuthorizationPolicy: /^security\.istio\.io\/v1(beta1)?$/,
  VirtualService: /^networking\.istio\.io\/v1(beta1|alpha3)?$/,
};

/** What a proposed object would do to the traffic of the window. */
export type ImpactPreview = { windowSeconds: number; edges: number } & (
  | { kind: 'AuthorizationPolicy'; authorization: AuthorizationImpact }
  | { kind: 'VirtualService'; routing: HostImpact[] }
);

/** Refuses anything but an AuthorizationPolicy or a VirtualService with a namespace and a name, naming the field. */
export function checkProposed(object: unknown): KubeObject {
  const o = object as Partial<KubeObject> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    throw new ParamError('object', 'object must be an AuthorizationPolicy or a VirtualService');
  }
  const version = PREVIEWED[String(o.kind)];
  if (version === undefined) {
    throw new ParamError(
      'object',
      `object.kind must be AuthorizationPolicy or VirtualService, not ${JSON.stringify(o.kind)}`,
    );
  }
  if (!version.test(String(o.apiVersion))) {
    throw new ParamError(
      'object',
      `object.apiVersion ${JSON.stringify(o.apiVersion)} is not one of ${String(o.kind)}'s`,
    );
  }
  if (!o.metadata?.name || !o.metadata.namespace) {
    throw new ParamError('object', 'object.metadata must give a name and a namespace');
  }
  return o as KubeObject;
}

/**
 * What applying `proposed` would do to the traffic seen in the window (lib/impact/): the workload graph of every
 * namespace, judged with the live configuration and with the proposed object in its place, then shown over the
 * calls between namespaces the viewer sees ({@link visibleImpact}; everything by default). Without traffic figures
 * (metrics down), `data` is null and `errors` says why.
 */
export async function readImpact(
  proposed: KubeObject,
  windowSeconds: number,
  sources: GraphSources,
  signal?: AbortSignal,
  visibility: Visibility = SEES_ALL,
): Promise<DataResponse<ImpactPreview | null>> {
  const graph = await readGraph(
    { namespaces: '*', windowSeconds, end: null, graphType: 'workload', layers: 'both' },
    sources,
    { signal },
  );
  const errors = graph.errors;
  if (errors.some((e) => e.source === 'prometheus')) return { data: null, errors };
  const common = { windowSeconds, edges: graph.edges.length };
  const preview: ImpactPreview =
    proposed.kind === 'VirtualService'
      ? {
          ...common,
          kind: 'VirtualService',
          routing: virtualServiceImpact(proposed, routingContext(graph, sources.kube)),
        }
      : {
          ...common,
          kind: 'AuthorizationPolicy',
          authorization: authorizationImpact(proposed, impactContext(graph, sources.kube)),
        };
  return { data: visibleImpact(preview, graph.edges, visibility), errors };
}
