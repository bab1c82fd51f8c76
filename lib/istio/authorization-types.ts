/**
 * AuthorizationPolicy (security.istio.io/v1) as the rules in this folder read it, and the request and enforcement
 * point they evaluate it for.
 */
import { type LabelSelector, type Labels } from './selector';

/** `rules[].from[].source`. Values inside one field are OR-ed; fields are AND-ed. */
export interface AuthorizationSource {
  principals?: string[];
  notPrincipals?: string[];
  requestPrincipals?: string[];
  notRequestPrincipals?: string[];
  namespaces?: string[];
  notNamespaces?: string[];
  serviceAccounts?: string[];
  notServiceAccounts?: string[];
  ipBlocks?: string[];
  notIpBlocks?: string[];
  remoteIpBlocks?: string[];
  notRemoteIpBlocks?: string[];
}

/** `rules[].to[].operation`. */
export interface AuthorizationOperation {
  hosts?: string[];
  notHosts?: string[];
  ports?: string[];
  notPorts?: string[];
  methods?: string[];
  notMethods?: string[];
  paths?: string[];
  notPaths?: string[];
}

/** `rules[].when[]`. */
export interface AuthorizationCondition {
  key: string;
  values?: string[];
  notValues?: string[];
}

/** One rule: `from`, `to` and `when` are AND-ed; entries inside `from` (and inside `to`) are OR-ed. */
export interface AuthorizationRule {
  from?: { source?: AuthorizationSource }[];
  to?: { operation?: AuthorizationOperation }[];
  when?: AuthorizationCondition[];
}

/** A `targetRefs` entry. */
export interface PolicyTargetRef {
  group?: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** Policy actions. */
export type AuthorizationAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';

/** The fields of `AuthorizationPolicy.spec` read here. */
export interface AuthorizationPolicySpec {
  selector?: LabelSelector;
  targetRef?: PolicyTargetRef;
  targetRefs?: PolicyTargetRef[];
  /** ALLOW when absent. */
  action?: AuthorizationAction;
  /** Absent: for ALLOW, matches nothing (deny all); for DENY, denies nothing. `[{}]` matches everything. */
  rules?: AuthorizationRule[];
}

/** A policy as `namespace/name`. */
export interface PolicyRef {
  namespace: string;
  name: string;
}

/**
 * A request (or TCP connection) as the enforcement point sees it. `source` fields are absent for plaintext traffic
 * (no peer identity). `http` is absent for TCP: then only L4 fields can match.
 */
export interface AuthorizationRequest {
  source: {
    /** `cluster.local/ns/<ns>/sa/<sa>`, from mTLS; absent for plaintext. */
    principal?: string;
    namespace?: string;
    serviceAccount?: string;
    ip?: string;
  };
  destination: { ip?: string; port: number };
  http?: {
    host: string;
    method: string;
    /** Path with an optional `?query`. */
    path: string;
    /** Lower-case header names. */
    headers: Readonly<Record<string, string>>;
  };
}

/**
 * Where a policy is enforced. `ztunnel` enforces L4 fields only; `waypoint` and `sidecar` are Envoy and enforce
 * everything (L4 fields only for TCP traffic).
 */
export type EnforcementPoint =
  | { kind: 'ztunnel'; namespace: string; labels: Labels }
  | { kind: 'sidecar'; namespace: string; labels: Labels }
  | {
      kind: 'waypoint';
      /** The waypoint Gateway. */
      gateway: { namespace: string; name: string; className: string };
      /** The Service the traffic is for, whose `targetRefs` policies this waypoint enforces. */
      service?: { namespace: string; name: string };
    };

/** The outcome of evaluating the policies at one enforcement point. */
export interface AuthorizationDecision {
  decision: 'allow' | 'deny';
  /** The policy that decided (the matching DENY, or the ALLOW that matched), absent for defaults. */
  policy?: PolicyRef;
  /** For people: "denied by bookinfo/deny-legacy (DENY)", "no ALLOW policy matched"… */
  reason: string;
}
