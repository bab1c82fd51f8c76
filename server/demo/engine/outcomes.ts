/**
 * How the requests of one branch end, with shares: local replies for stops; for requests that reach the
 * destination, its own success and failure (bottom-up, see served.ts) changed by the route's retries (5xx retried
 * per `retryOn`, fewer errors and extra attempts), per-try timeouts and the route timeout (504 UT).
 */
import type { RetrySettings } from '@/lib/istio/routing-types';
import type { PortProtocol } from '@/lib/istio/protocol';
import type { Refusal } from '../model/traffic';
import { addLatency, mixLatency, shareAbove, shiftLatency, ZERO_LATENCY, type Moments } from './latency';
import type { Branch } from './plan-types';
import { LOCAL_REPLY_BYTES, LOCAL_REPLY_LATENCY, WAYPOINT_LATENCY } from './wire-facts';

/** What a destination workload does with a request it serves (its calls included). */
export interface Served {
  /** Share answered with an error (500 for HTTP; a failed exchange for TCP). */
  failProb: number;
  ok: Moments;
  fail: Moments;
  requestBytes: number;
  responseBytes: number;
}

/** One way the requests of a branch end. */
export interface Outcome {
  /** Share of the branch's requests, 0..1. */
  share: number;
  /** HTTP status (0: none); gRPC flows turn it into 200 + grpc-status when written. */
  code: number;
  flags: string;
  refusedBy?: Refusal;
  latency: Moments;
  /** Extra attempts per request (retries). */
  retries: number;
  /** Requests the destination application served per request (0 for stops; 1 + retries otherwise). */
  reached: number;
  /** The caller sees a failure. */
  failed: boolean;
  /** Bytes per request. */
  bytes: { sent: number; received: number };
}

/** Bytes of an application error body. */
const APP_ERROR_BYTES = 60;

/** Which statuses each `retryOn` condition retries (numbers in the list retry that status). */
const RETRY_ON: Record<string, (code: number) => boolean> = {
  '5xx': (code) => code >= 500,
  'gateway-error': (code) => code === 502 || code === 503 || code === 504,
  'retriable-status-codes': (code) => code === 503,
};

/** True when the route's `retryOn` retries this status. */
export function retriable(retries: RetrySettings | null, code: number): boolean {
  return (retries?.retryOn ?? []).some((on) => RETRY_ON[on]?.(code) ?? Number(on) === code);
}

/** Response flags joined the way Envoy prints them. */
export function joinFlags(...flags: string[]): string {
  const set = flags.filter((f) => f !== '-' && f !== '');
  return set.length === 0 ? '-' : set.join(',');
}

function stopOutcome(branch: Branch, requestBytes: number): Outcome {
  const stop = branch.stop ?? { code: 503, flags: 'UH' };
  const l4 = stop.code === 0;
  const latency = branch.waypoint ? addLatency(LOCAL_REPLY_LATENCY, WAYPOINT_LATENCY) : LOCAL_REPLY_LATENCY;
  return {
    share: 1,
    code: stop.code,
    flags: stop.flags,
    ...(stop.refusedBy ? { refusedBy: stop.refusedBy } : {}),
    latency,
    retries: 0,
    reached: 0,
    failed: l4 || stop.code >= 400,
    bytes: { sent: l4 ? 0 : requestBytes, received: LOCAL_REPLY_BYTES[stop.flags] ?? 0 },
  };
}

function row(
  share: number,
  code: number,
  flags: string,
  latency: Moments,
  failed: boolean,
  bytes: Outcome['bytes'],
): Outcome {
  return { share, code, flags, latency, retries: 0, reached: 1, failed, bytes };
}

/** The outcomes of a branch, given what its destination does (null for stops). */
export function branchOutcomes(
  branch: Branch,
  protocol: PortProtocol,
  served: Served | null,
  requestBytes: number,
): Outcome[] {
  if (branch.stop !== null || served === null || branch.target === null)
    return [stopOutcome(branch, requestBytes)];
  const extraHop = branch.waypoint ? WAYPOINT_LATENCY.mean : 0;
  const base = shiftLatency(served.ok, branch.delayMs + extraHop);
  const ok = { sent: served.requestBytes, received: served.responseBytes };
  const error = { sent: served.requestBytes, received: APP_ERROR_BYTES };
  const p = served.failProb;
  if (protocol === 'tcp') {
    return [
      row(1 - p, 0, branch.flags, base, false, ok),
      row(p, 0, branch.flags, shiftLatency(served.fail, branch.delayMs), true, error),
    ];
  }
  const { retries } = branch;
  const perTry = retries?.perTryTimeoutMs;
  const q = perTry === undefined ? 0 : shareAbove(served.ok, perTry);
  const e500 = p * (1 - q);
  const success = (1 - p) * (1 - q);
  const r500 = retriable(retries, 500) ? e500 : 0;
  const r504 = retriable(retries, 504) ? q : 0;
  const f = r500 + r504;
  const n = retries?.attempts ?? 0;
  let geo = 0;
  for (let i = 0; i <= n; i++) geo += f ** i;
  const extra = geo - 1;
  const exhausted = f ** (n + 1);
  const retryFlag = n > 0 ? 'URX' : '-';
  const failLatency = shiftLatency(served.fail, branch.delayMs + extraHop);
  const tryLatency = perTry === undefined ? ZERO_LATENCY : { mean: perTry + branch.delayMs, variance: 0 };
  const retryCost = extra * served.ok.mean;
  const outcomes = [
    row(success * geo, 200, branch.flags, shiftLatency(base, retryCost), false, ok),
    row((e500 - r500) * geo, 500, branch.flags, failLatency, true, error),
    row((q - r504) * geo, 504, joinFlags(branch.flags, 'UT'), tryLatency, true, error),
    row(
      f > 0 ? (exhausted * r500) / f : 0,
      500,
      joinFlags(branch.flags, retryFlag),
      shiftLatency(failLatency, retryCost),
      true,
      error,
    ),
    row(
      f > 0 ? (exhausted * r504) / f : 0,
      504,
      joinFlags(branch.flags, 'UT', retryFlag),
      tryLatency,
      true,
      error,
    ),
  ].filter((o) => o.share > 0);
  for (const o of outcomes) {
    o.retries = extra;
    o.reached = 1 + extra;
  }
  return withTimeout(outcomes, branch, extra);
}

/** Cuts the requests slower than the route timeout: they end 504 UT at the timeout. */
function withTimeout(outcomes: Outcome[], branch: Branch, extra: number): Outcome[] {
  const timeout = branch.timeoutMs;
  if (timeout === null || outcomes.length === 0) return outcomes;
  const total = mixLatency(outcomes.map((o) => ({ weight: o.share, latency: o.latency })));
  const cut = shareAbove(total, timeout);
  if (cut <= 0) return outcomes;
  for (const o of outcomes) o.share *= 1 - cut;
  const bytes = { sent: outcomes[0]?.bytes.sent ?? 0, received: LOCAL_REPLY_BYTES['UT'] ?? 0 };
  const timedOut: Outcome = {
    share: cut,
    code: 504,
    flags: joinFlags(branch.flags, 'UT'),
    latency: { mean: timeout, variance: 0 },
    retries: extra,
    reached: 1 + extra,
    failed: true,
    bytes,
  };
  return [...outcomes.filter((o) => o.share > 0), timedOut];
}
