/**
 * How the namespace and workload pages write their facts for people: where a policy is enforced, latencies, error
 * shares, and the window the charts cover. Pure, so the rules are tested without a browser.
 */
import type { EnforcementKind, PolicyRow } from '@/lib/mesh/detail-types';
import type { MeshViewMeta } from '@/lib/mesh/views-types';
import { percentUp } from '@/components/overview/posture-format';

/** Where a policy takes effect, in words. */
export const ENFORCEMENT_WORDS: Readonly<Record<EnforcementKind, string>> = {
  ztunnel: 'ztunnel (L4)',
  waypoint: 'waypoint (L7)',
  sidecar: 'sidecar',
  gateway: 'gateway',
};

/** `ztunnel (L4), waypoint (L7)`, or `nowhere` when nothing enforces it. */
export function enforcementText(row: Pick<PolicyRow, 'enforcedAt'>): string {
  return row.enforcedAt.length === 0 ? 'nowhere' : row.enforcedAt.map((k) => ENFORCEMENT_WORDS[k]).join(', ');
}

/** The `data-enforced-at` attribute: the kinds separated by spaces (`[data-enforced-at~=ztunnel]`), or `none`. */
export function enforcedAtAttribute(row: Pick<PolicyRow, 'enforcedAt'>): string {
  return row.enforcedAt.length === 0 ? 'none' : row.enforcedAt.join(' ');
}

/** The policy's effect: its action (AuthorizationPolicy), its mode (PeerAuthentication), or nothing. */
export function effectText(row: Pick<PolicyRow, 'action' | 'mode'>): string {
  return row.action ?? row.mode ?? '';
}

/** A latency: `12 ms`, `1.2 s`; an em dash when unknown. */
export function latencyText(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(2))} s` : `${Number(ms.toFixed(ms < 10 ? 1 : 0))} ms`;
}

/** An error share: `0%` for none, else rounded up so that a few errors never read as 0%. */
export function errorText(share: number): string {
  return share > 0 ? percentUp(share) : '0%';
}

/** The window the charts cover, in Unix milliseconds, from the answer's meta. */
export function chartWindow(meta: Pick<MeshViewMeta, 'end' | 'windowSeconds'>): {
  startMs: number;
  endMs: number;
} {
  const endMs = Date.parse(meta.end);
  return { startMs: endMs - meta.windowSeconds * 1000, endMs };
}
