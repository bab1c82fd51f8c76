/**
 * What of the Mesh page's answers (`/api/mesh/overview`, `/waypoints`, `/mtls`) a viewer may see (pure). The views
 * are computed from the dashboard's whole watch cache and traffic, so that what is true of the viewer's namespaces
 * (an effective waypoint in another namespace, a mesh-wide PeerAuthentication, a finding judged on every caller) is
 * judged on the whole truth; what is shown is then cut down to the namespaces the viewer sees:
 *
 * - rows of hidden namespaces (namespace cards, waypoint cards, effective-waypoint rows, bindings, workloads,
 *   edges, plaintext edges, identities, findings) are dropped, and counts of rows are recomputed from what remains
 *   (a waypoint's `serves`, an identity's `edges`, "N objects bound by label");
 * - a caller in a hidden namespace named in a finding becomes {@link HIDDEN};
 * - a visible subject's own figures (a namespace's inbound traffic, a waypoint's throughput, a finding's count of
 *   inbound edges) stay as judged: they are what its own proxies report.
 *
 * A viewer who sees everything gets each view itself, unchanged.
 */
import type { Visibility } from '@/lib/auth/visibility';
import { HIDDEN, namespaceOfNodeId, seesEnds, seesNodeId, seesPrincipal } from '@/lib/graph/visible-graph';
import { principalsSeen } from './mtls-edges';
import { mtlsFindings } from './mtls-findings';
import type { ControlPlaneComponent, MeshOverview } from './types';
import type {
  MtlsEdge,
  MtlsFinding,
  MtlsView,
  WaypointCard,
  WaypointName,
  WaypointsView,
} from './views-types';
import { waypointProblems } from './waypoint-problems';

/** The namespace of `namespace/name`. */
const namespaceOfKey = (key: string): string => key.slice(0, Math.max(0, key.indexOf('/')));

// ---------------------------------------------------------------------------------------------- overview

/**
 * A control-plane component as the viewer may see it: its state, version and readiness are the mesh's (every
 * namespace depends on them), but objects of hidden namespaces are left out and their pods' names hidden.
 */
function visibleComponent(component: ControlPlaneComponent, visibility: Visibility): ControlPlaneComponent {
  const sees = (key: string): boolean => visibility.seesNamespace(namespaceOfKey(key));
  if (component.objects.every(sees)) return component;
  return {
    ...component,
    objects: component.objects.filter(sees),
    nodes: component.nodes?.map((n) => (n.pod === null ? n : { ...n, pod: HIDDEN })) ?? null,
  };
}

/** The mesh posture with the namespace cards the viewer sees (see the module comment). */
export function visibleOverview(overview: MeshOverview, visibility: Visibility): MeshOverview {
  if (visibility.all) return overview;
  return {
    ...overview,
    controlPlane: overview.controlPlane.map((c) => visibleComponent(c, visibility)),
    namespaces: overview.namespaces.filter((n) => visibility.seesNamespace(n.name)),
  };
}

// ---------------------------------------------------------------------------------------------- waypoints

/** A card that passes every rule about itself: what it reports then only comes from use, or its absence. */
const HEALTHY_UNUSED: Omit<WaypointCard, 'problems'> = {
  namespace: '',
  name: '',
  waypointFor: 'service',
  waypointForFrom: 'default',
  programmed: { status: 'True', reason: null, message: null },
  replicas: { ready: 1, desired: 1 },
  revision: 'default',
  bindings: [],
  serves: { services: 0, workloads: 0 },
  traffic: null,
};

/** The problems a waypoint has for not being used: shown only when the whole truth says so too. */
const UNUSED_PROBLEMS = new Set(waypointProblems(HEALTHY_UNUSED, [], false));

/** The problems a waypoint without replicas has only when Deployments could be read. */
const NO_DEPLOYMENT_PROBLEMS = (() => {
  const unknown = new Set(waypointProblems({ ...HEALTHY_UNUSED, replicas: null }, [], false));
  return new Set(
    waypointProblems({ ...HEALTHY_UNUSED, replicas: null }, [], true).filter((p) => !unknown.has(p)),
  );
})();

/** Whether the view could read Deployments, as the card's problems tell (it only matters without replicas). */
function deploymentsKnown(card: WaypointCard): boolean {
  return card.replicas !== null || card.problems.some((p) => NO_DEPLOYMENT_PROBLEMS.has(p));
}

const isWaypoint = (card: WaypointName, w: WaypointName | null): boolean =>
  w !== null && w.namespace === card.namespace && w.name === card.name;

/**
 * A visible waypoint's card: bindings of hidden namespaces left out, what it serves counted in the visible rows,
 * calls between hidden namespaces left out of its busiest calls, and its problems said again over what remains
 * (except "nothing uses it", which only the whole truth may say).
 */
function visibleCard(
  card: WaypointCard,
  rows: WaypointsView['namespaces'],
  visibility: Visibility,
): WaypointCard {
  const services = rows.flatMap((n) => n.services).filter((r) => isWaypoint(card, r.waypoint));
  const workloads = rows.flatMap((n) => n.workloads).filter((r) => isWaypoint(card, r.waypoint));
  const { problems, ...rest } = card;
  const shown: Omit<WaypointCard, 'problems'> = {
    ...rest,
    bindings: card.bindings.filter((b) => visibility.seesNamespace(b.namespace)),
    serves: { services: services.length, workloads: workloads.length },
    traffic: card.traffic && {
      ...card.traffic,
      topCalls: card.traffic.topCalls.filter((c) => seesEnds(visibility, c.source, c.target)),
    },
  };
  const said = waypointProblems(shown, services, deploymentsKnown(card)).filter(
    (p) => !UNUSED_PROBLEMS.has(p) || problems.includes(p),
  );
  return { ...shown, problems: said };
}

/** The waypoints view with the waypoints and namespaces the viewer sees (see the module comment). */
export function visibleWaypointsView(view: WaypointsView, visibility: Visibility): WaypointsView {
  if (visibility.all) return view;
  const namespaces = view.namespaces.filter((n) => visibility.seesNamespace(n.namespace));
  return {
    ...view,
    waypoints: view.waypoints
      .filter((c) => visibility.seesNamespace(c.namespace))
      .map((c) => visibleCard(c, namespaces, visibility)),
    namespaces,
    withoutWaypoint: view.withoutWaypoint.filter((ns) => visibility.seesNamespace(ns)),
  };
}

// ---------------------------------------------------------------------------------------------- mTLS

/** The namespace a finding is about: the namespace itself, or the receiver's (`ns/name` or a node id). */
function findingNamespace(finding: MtlsFinding): string | null {
  if (finding.scope === 'namespace') return finding.subject;
  return finding.subject.includes(':') ? namespaceOfNodeId(finding.subject) : namespaceOfKey(finding.subject);
}

/** An edge without the identities of hidden namespaces. */
function visibleMtlsEdge(edge: MtlsEdge, visibility: Visibility): MtlsEdge {
  const sees = (p: string): boolean => seesPrincipal(visibility, p);
  if (edge.sourcePrincipals.every(sees) && edge.destinationPrincipals.every(sees)) return edge;
  return {
    ...edge,
    sourcePrincipals: edge.sourcePrincipals.filter(sees),
    destinationPrincipals: edge.destinationPrincipals.filter(sees),
  };
}

/**
 * The mTLS view with the namespaces, workloads and traffic the viewer sees. Findings are judged again on the whole
 * view with hidden senders named {@link HIDDEN}, and those about subjects the viewer sees are kept: "safe to make
 * STRICT" must count every caller, seen or not.
 */
export function visibleMtlsView(view: MtlsView, visibility: Visibility): MtlsView {
  if (visibility.all) return view;
  const sees = (ns: string | null): boolean => ns !== null && visibility.seesNamespace(ns);
  const edges = view.edges
    .filter((e) => seesEnds(visibility, e.source, e.target))
    .map((e) => visibleMtlsEdge(e, visibility));
  const findings = view.policiesKnown
    ? mtlsFindings({
        namespaces: view.namespaces,
        workloads: view.workloads,
        plaintext: view.plaintext.map((p) =>
          seesNodeId(visibility, p.source) ? p : { ...p, sender: HIDDEN },
        ),
        edges: view.edges,
      }).filter((f) => sees(findingNamespace(f)))
    : [];
  return {
    ...view,
    namespaces: view.namespaces.filter((n) => sees(n.namespace)),
    workloads: view.workloads.filter((w) => sees(w.namespace)),
    edges,
    plaintext: view.plaintext.filter((p) => seesEnds(visibility, p.source, p.target)),
    principals: principalsSeen(edges),
    findings,
  };
}
