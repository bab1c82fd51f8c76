/**
 * A call plan: every way one kind of call (a caller's pod group calling a Service port) can go, with shares. The
 * aggregate flows and the sampled traces both draw from the same plans, so they obey the same rules.
 */
import type { RetrySettings } from '@/lib/istio/routing-types';
import type { Endpoint, FlowSample, Refusal } from '../model/traffic';
import type { Target, WaypointNode } from './nodes';

/** Requests of one kind: their share of the call, headers (lower-case names) and path. */
export interface Variant {
  share: number;
  headers: Readonly<Record<string, string>>;
  path: string;
}

/** How a request ended before the destination's application saw it. */
export interface Stop {
  /** HTTP status, or 0 where no HTTP exchange took place (an L4 refusal, TCP). */
  code: number;
  flags: string;
  refusedBy?: Refusal;
}

/** One way a request of a variant goes. */
export interface Branch {
  /** Share of the variant's requests, 0..1. */
  share: number;
  /** The endpoints it reaches or was meant for; null when there are none (the destination is `unknown`). */
  target: Target | null;
  /** The waypoint that handled it at L7, if any. */
  waypoint: WaypointNode | null;
  /** The hop into the destination is mutual TLS. */
  mtls: boolean;
  /** Set when it ends before the destination application. */
  stop: Stop | null;
  /** Fault delay added before forwarding, ms. */
  delayMs: number;
  /** `-`, or `DI` for delayed requests. */
  flags: string;
  retries: RetrySettings | null;
  timeoutMs: number | null;
}

/** All ways a call goes, by variant. */
export interface CallPlan {
  service: FlowSample['service'];
  /** Stands for the destination when no endpoint exists (Istio reports `unknown`). */
  unknown: Endpoint;
  variants: { variant: Variant; branches: Branch[] }[];
}
