/**
 * The posture actions' types: what a person asks for (`ActionRequest`), what the action functions read (the live
 * objects of `GET /api/mesh/actions/<ns>` and the pages' traffic), and what they answer (`MeshAction`: the full
 * proposed object for the write path and its effect in words). Pure types, safe in the browser.
 */
import type { KubeObject } from '@/lib/kube/object';
import type { JsonObject } from '@/lib/write/types';
import type { PolicyRow } from './detail-types';
import type { WorkloadGroup } from './view-inputs';
import type { EffectiveMode, PlaintextEdge, WaypointName } from './views-types';

/** The actions, as their buttons' `data-testid` (`action-<name>`) spell them. */
export type ActionName =
  | 'enroll-ambient'
  | 'remove-ambient'
  | 'opt-out'
  | 'create-waypoint'
  | 'bind-waypoint'
  | 'unbind-waypoint'
  | 'set-peerauthentication';

/** What a waypoint serves (`istio.io/waypoint-for`), as the create action offers it. */
export type WaypointFor = 'service' | 'workload' | 'all';

/** A namespace, or one of its Services: what a waypoint is bound to or unbound from. */
export type BindingTarget = { kind: 'namespace' } | { kind: 'service'; name: string };

/** What a person asks for; every action is about one namespace. */
export type ActionRequest =
  | { action: 'enroll-ambient' | 'remove-ambient'; namespace: string }
  | { action: 'opt-out'; namespace: string; workload: string }
  | {
      action: 'create-waypoint';
      namespace: string;
      /** `namespace`: one waypoint for the namespace; `service-account`: one for the workloads of one account. */
      scope: 'namespace' | 'service-account';
      /** The account, for the `service-account` scope. */
      serviceAccount?: string;
      waypointFor: WaypointFor;
      /** Defaults to `waypoint` (namespace scope) or `<account>-waypoint`. */
      name?: string;
    }
  | { action: 'bind-waypoint'; namespace: string; target: BindingTarget; waypoint: WaypointName }
  | { action: 'unbind-waypoint'; namespace: string; target: BindingTarget }
  | { action: 'set-peerauthentication'; namespace: string; mode: EffectiveMode };

/** The kinds the actions write (all in `lib/write/writable-kinds.ts`). */
export type ActionKind = 'Namespace' | 'Service' | 'Deployment' | 'Gateway' | 'PeerAuthentication';

/** One action, ready for `POST /api/write/preview` and `/apply`. */
export interface MeshAction {
  action: ActionName;
  /** One line for the dialog's title: "Enroll outside in ambient". */
  title: string;
  kind: ActionKind;
  /** The namespace edited (for a Namespace, the Namespace itself). */
  namespace: string;
  name: string;
  /** The full proposed object: the live one with the change, or a new one. */
  object: JsonObject;
  /** The live object's `metadata.resourceVersion`; absent when the action creates the object. */
  baseResourceVersion?: string;
  /** What will happen, in words, most important first ("7 pods will be captured by ztunnel, no restarts"). */
  effect: string[];
  /** What a person should know before applying: nothing changes, something breaks, something is ignored. */
  warnings: string[];
}

/** An action that cannot be planned on these objects, and why ("payments/api-v1 has no Deployment"). */
export interface ActionUnavailable {
  unavailable: string;
}

/**
 * The live objects of one namespace the actions start from (`GET /api/mesh/actions/<ns>`,
 * `DataResponse<ActionObjects>`), as the watch cache holds them.
 */
export interface ActionObjects {
  namespace: KubeObject;
  /** The namespace's pods grouped into workloads as the telemetry names them (mesh infrastructure included). */
  workloads: WorkloadGroup[];
  services: KubeObject[];
  deployments: KubeObject[];
  /** Gateways of every namespace (a namespace may use another's waypoint). */
  gateways: KubeObject[];
  /** Every GatewayClass: a class may say `istio.io/waypoint-for` for its waypoints, or name Istio's controller. */
  gatewayClasses: KubeObject[];
  /** PeerAuthentications of the namespace and of the root namespace (mesh-wide ones). */
  peerAuthentications: KubeObject[];
}

/** What the pages know of traffic, for the effects in words. Every part may be unknown (metrics unavailable). */
export interface ActionTraffic {
  /** Inbound requests per second of the namespace's workloads, by workload name (the namespace page's rows). */
  inbound: ReadonlyMap<string, number> | null;
  /** The mTLS view's plaintext edges (any namespace; the actions pick those into theirs). */
  plaintext: readonly PlaintextEdge[] | null;
  /** The namespace page's policies, with where each is enforced. */
  policies: readonly PolicyRow[];
}

/** No traffic known: the effects then say what changes without rates. */
export const NO_TRAFFIC: ActionTraffic = { inbound: null, plaintext: null, policies: [] };
