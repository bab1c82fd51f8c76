/**
 * The calls a trace made, for drawing the trace on the service graph.
 *
 * Only Envoy makes Istio's spans, and one request hop leaves at most this chain of them, each the child of the one
 * before: the client's sidecar or gateway (client span) -> the waypoint (server span) -> the waypoint (client span)
 * -> the server's sidecar (server span). Any of them may be missing: ambient workloads have no sidecar, a waypoint
 * that refuses or aborts a request stops the chain, ztunnel makes no spans at all.
 *
 * Grouping, over the spans in waterfall order, each proxy span compared with its nearest proxy ancestor `p`
 * (spans without `node_id`, the applications' own, are skipped over) and the call `p` ended:
 * - a sidecar's or gateway's client span always starts a new call;
 * - a waypoint server span joins when `p` is a sidecar's or gateway's client span that ended its call so far;
 * - a waypoint client span joins when `p` is the server span of the same waypoint pod that ended its call so far;
 * - a sidecar's server span joins when `p` is a client span (sidecar, gateway or waypoint) that ended its call so
 *   far; so a server span under a server span (the application forwarded the context and its own client had no
 *   sidecar) starts a new call;
 * - and never when the call's service host disagrees: the client's `outbound|…|host` cluster, the waypoint's
 *   `istio.destination_service` and the Kubernetes host at the start of a server span's name
 *   (`ratings.bookinfo.svc.cluster.local:9080/…`) must name the same service when they are known. This splits the
 *   call to an untraced ambient workload from the call that workload made next under the same parent span;
 * - everything else starts a new call.
 *
 * Ends, the most precise source first, merged when they agree (same namespace and workload): the caller is the
 * waypoint's `istio.source_*`, the client proxy (`istio.namespace`, canonical service and revision, workload from a
 * Deployment-shaped pod name), then the callee of the call whose span is the new call's parent (that workload
 * forwarded the request); the callee is the waypoint's `istio.destination_*` and the server proxy; with neither,
 * the client's upstream cluster host (`ratings.bookinfo.svc.cluster.local` -> app `ratings` in `bookinfo`). A call
 * whose callee is still unknown (e.g. `PassthroughCluster`) cannot be drawn and is left out.
 */
import { istioSpanFacts, type IstioSpanFacts } from './istio-span';
import { spanRows } from './span-tree';
import type { Span, Trace } from './types';

/** One end of a call, as the service graph names its nodes. */
export interface HopEnd {
  namespace: string;
  /** The Deployment (or other workload) name, e.g. `reviews-v2`; null when the spans do not say. */
  workload: string | null;
  /** The canonical service (`app` label), e.g. `reviews`. */
  app: string | null;
  /** The canonical revision (`version` label), e.g. `v2`. */
  version: string | null;
}

/** One request hop of a trace. */
export interface TraceCall {
  /** Spans that belong to this call (client sidecar span, waypoint server+client spans, server sidecar span). */
  spanIds: string[];
  /** Null: the caller is unknown (e.g. ingress from outside, root server span with no parent). */
  from: HopEnd | null;
  /** The callee. */
  to: HopEnd;
  /** The waypoint the call went through, when one of its spans is part of the call. */
  waypoint: { name: string | null; namespace: string } | null;
  /** The first status code along the call (the caller's view when its proxy traced it). */
  statusCode: number | null;
  /** Any span of the call has status `error`. */
  error: boolean;
}

interface Step {
  span: Span;
  facts: IstioSpanFacts;
  side: 'client' | 'server';
  call: number;
}

interface Draft {
  steps: Step[];
  host: string | null;
  /** The call whose span is this call's first span's nearest proxy ancestor. */
  parentCall: number | null;
}

/** The calls of a trace in waterfall order (depth-first, by start time). See the module comment for the rules. */
export function traceCalls(trace: Trace): TraceCall[] {
  const drafts: Draft[] = [];
  // nearest[d]: the nearest proxy span at or above depth d on the current branch of the waterfall.
  const nearest: (Step | null)[] = [];
  for (const row of spanRows(trace)) {
    const above = row.depth > 0 ? (nearest[row.depth - 1] ?? null) : null;
    nearest.length = row.depth;
    const facts = istioSpanFacts(row.span);
    if (facts.role === 'app') {
      nearest.push(above);
      continue;
    }
    const side = sideOf(row.span, facts);
    const host = hostOf(row.span, facts, side);
    const joined = above && joins(facts, side, host, above, drafts[above.call]) ? above.call : null;
    const call = joined ?? drafts.push({ steps: [], host: null, parentCall: above?.call ?? null }) - 1;
    const step: Step = { span: row.span, facts, side, call };
    const draft = drafts[call];
    draft?.steps.push(step);
    if (draft && draft.host === null) draft.host = host;
    nearest.push(step);
  }
  const callees = drafts.map(callee);
  const calls: TraceCall[] = [];
  drafts.forEach((draft, i) => {
    const to = callees[i];
    if (!to) return;
    const forwarder = draft.parentCall === null ? null : (callees[draft.parentCall] ?? null);
    calls.push({
      spanIds: draft.steps.map((s) => s.span.spanId),
      from: caller(draft, forwarder),
      to,
      waypoint: waypointOf(draft, to),
      statusCode: draft.steps.find((s) => s.facts.statusCode !== null)?.facts.statusCode ?? null,
      error: draft.steps.some((s) => s.span.status.code === 'error'),
    });
  });
  return calls;
}

/** Whether a proxy span continues the call that its nearest proxy ancestor `p` is the last span of so far. */
function joins(
  facts: IstioSpanFacts,
  side: Step['side'],
  host: string | null,
  p: Step,
  call?: Draft,
): boolean {
  if (!call || call.steps[call.steps.length - 1] !== p) return false;
  if (call.host !== null && host !== null && call.host !== host) return false;
  const byWaypoint = p.facts.role === 'waypoint';
  if (facts.role === 'waypoint') {
    return side === 'server'
      ? p.side === 'client' && !byWaypoint
      : p.side === 'server' && byWaypoint && p.facts.pod === facts.pod;
  }
  return side === 'server' && p.side === 'client';
}

/** Envoy says the span kind; when the producer did not, the cluster's direction tells. */
function sideOf(span: Span, facts: IstioSpanFacts): Step['side'] {
  if (span.kind === 'client' || span.kind === 'producer') return 'client';
  if (span.kind === 'server' || span.kind === 'consumer') return 'server';
  const direction = facts.upstreamCluster?.direction;
  return direction === 'inbound' || direction === 'inbound-vip' ? 'server' : 'client';
}

/** The service host the span names, if any (see the module comment). */
function hostOf(span: Span, facts: IstioSpanFacts, side: Step['side']): string | null {
  if (facts.role === 'waypoint') return facts.destination?.service ?? null;
  if (side === 'client')
    return facts.upstreamCluster?.direction === 'outbound' ? facts.upstreamCluster.host : null;
  const host = /^[^:/\s]+/.exec(span.name)?.[0] ?? '';
  return host.includes('.svc.') ? host : null;
}

function callee(draft: Draft): HopEnd | null {
  const waypoint = draft.steps.find((s) => s.facts.role === 'waypoint')?.facts.destination;
  const server = draft.steps.find((s) => s.side === 'server' && s.facts.role !== 'waypoint');
  const fromWaypoint = waypoint?.namespace
    ? { namespace: waypoint.namespace, workload: waypoint.workload, app: null, version: null }
    : null;
  const fromServer = server ? proxyEnd(server.facts) : null;
  if (fromWaypoint?.workload || fromServer) return merge(fromWaypoint, fromServer);
  // A waypoint that did not name the workload still names the service, like a client's cluster does.
  return (draft.host === null ? null : hostEnd(draft.host)) ?? fromWaypoint;
}

function caller(draft: Draft, forwarder: HopEnd | null): HopEnd | null {
  const source = draft.steps.find((s) => s.facts.role === 'waypoint')?.facts.source;
  const first = draft.steps[0];
  const client =
    first && first.side === 'client' && first.facts.role !== 'waypoint' ? proxyEnd(first.facts) : null;
  const fromSource = source ? { ...source, app: null, version: null } : null;
  return merge(merge(fromSource, client), forwarder);
}

function waypointOf(draft: Draft, to: HopEnd): TraceCall['waypoint'] {
  const step = draft.steps.find((s) => s.facts.role === 'waypoint');
  if (!step) return null;
  const { canonicalService, pod, namespace } = step.facts;
  return { name: canonicalService ?? workloadOfPod(pod), namespace: namespace ?? to.namespace };
}

/** The workload a proxy runs in: its namespace, canonical service and revision, and workload from the pod. */
function proxyEnd(facts: IstioSpanFacts): HopEnd | null {
  if (facts.namespace === null) return null;
  return {
    namespace: facts.namespace,
    workload: workloadOfPod(facts.pod),
    app: facts.canonicalService,
    version: facts.canonicalRevision,
  };
}

/** `ratings.bookinfo.svc.cluster.local` -> app `ratings` in `bookinfo`; null for a host outside Kubernetes. */
function hostEnd(host: string): HopEnd | null {
  const [app, namespace, svc] = host.split('.');
  return app && namespace && svc === 'svc' ? { namespace, workload: null, app, version: null } : null;
}

/** Fills the gaps of `a` from `b` when both name the same workload; else `a` (the more precise) wins. */
function merge(a: HopEnd | null, b: HopEnd | null): HopEnd | null {
  if (!a || !b) return a ?? b;
  const agree = (x: string | null, y: string | null): boolean => x === null || y === null || x === y;
  if (a.namespace !== b.namespace || !agree(a.workload, b.workload) || !agree(a.app, b.app)) return a;
  return {
    namespace: a.namespace,
    workload: a.workload ?? b.workload,
    app: a.app ?? b.app,
    version: a.version ?? b.version,
  };
}

/**
 * A Deployment's pod is `<deployment>-<pod-template-hash>-<5 characters>`, the hash in Kubernetes' safe alphabet
 * (no vowels, no 0, 1 or 3): `reviews-v2-7d9f8c6b5-abcde` -> `reviews-v2`. Other shapes (StatefulSets' `db-0`,
 * bare pods) give null rather than a guess.
 */
const DEPLOYMENT_POD = /^(.+)-[bcdfghjklmnpqrstvwxz2456789]{4,10}-[a-z0-9]{5}$/;

/** The Deployment of a Deployment-shaped pod name, else null. */
function workloadOfPod(pod: string | null): string | null {
  return (pod && DEPLOYMENT_POD.exec(pod)?.[1]) || null;
}
