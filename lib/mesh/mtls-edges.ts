/**
 * The mTLS view of the service graph's edges: one row per caller and callee (the L7 and L4 edges of a pair
 * merged, so a call is listed once), its observed mTLS share (`connection_security_policy`), identities and
 * refused connections; the rows that carried plaintext, with who sent it; and the SPIFFE identities seen. Pure.
 */
import { UNKNOWN_NODE_ID } from '@/lib/graph/ids';
import type { GraphEdge } from '@/lib/graph/types';
import type { EffectiveMode, MtlsEdge, PlaintextEdge, PrincipalSeen } from './views-types';

/** The callee's effective mode by graph node id (workloads in the mesh only). */
export type ModeByNode = ReadonlyMap<string, EffectiveMode>;

/** An edge that saw traffic in the window (an idle edge's mTLS share of 0 says nothing). */
const active = (edge: GraphEdge): boolean => edge.health !== 'idle';

/** Connections per second ztunnel refused: response code `0` on an L4 edge. */
const refusedOf = (edge: GraphEdge): number => (edge.layer === 'L4' ? (edge.responseCodes['0'] ?? 0) : 0);

/** The edges merged per caller and callee, least mTLS first, then the busiest (requests, then bytes). */
export function mtlsEdges(edges: readonly GraphEdge[], modes: ModeByNode): MtlsEdge[] {
  const pairs = new Map<string, GraphEdge[]>();
  for (const edge of edges.filter(active)) {
    const key = `${edge.source}->${edge.target}`;
    const list = pairs.get(key);
    if (list) list.push(edge);
    else pairs.set(key, [edge]);
  }
  const rows = [...pairs.values()].map((group): MtlsEdge => {
    const first = group[0] as GraphEdge;
    const l7 = group.find((e) => e.layer === 'L7');
    let bytes: number | null = null;
    for (const e of group) if (e.bytesPerSecond !== null) bytes = (bytes ?? 0) + e.bytesPerSecond;
    return {
      source: first.source,
      target: first.target,
      layers: [...new Set(group.map((e) => e.layer))].sort().reverse(),
      protocol: (l7 ?? first).protocol,
      via: group.find((e) => e.via !== null)?.via ?? null,
      requestsPerSecond: group.reduce((n, e) => n + e.requestsPerSecond, 0),
      bytesPerSecond: bytes,
      refusedPerSecond: group.reduce((n, e) => n + refusedOf(e), 0),
      mtlsShare: Math.min(...group.map((e) => e.mtls)),
      sourcePrincipals: [...new Set(group.flatMap((e) => e.sourcePrincipals))].sort(),
      destinationPrincipals: [...new Set(group.flatMap((e) => e.destinationPrincipals))].sort(),
      destinationMode: modes.get(first.target) ?? null,
    };
  });
  return rows.sort(
    (a, b) =>
      a.mtlsShare - b.mtlsShare ||
      b.requestsPerSecond - a.requestsPerSecond ||
      (b.bytesPerSecond ?? 0) - (a.bytesPerSecond ?? 0) ||
      `${a.source}->${a.target}`.localeCompare(`${b.source}->${b.target}`),
  );
}

/** `outside/client` for `workload:outside/client`; the id itself for other nodes. */
export function workloadOfNode(id: string): string {
  return id.startsWith('workload:') ? id.slice('workload:'.length) : id;
}

/** Who sent: the caller's workload, or "unknown (outside the mesh)" for a caller the telemetry could not name. */
export function senderOf(source: string): string {
  return source === UNKNOWN_NODE_ID ? 'unknown (outside the mesh)' : workloadOfNode(source);
}

/**
 * The rows that carried some plaintext (share below 1): those into workloads in the mesh first (where a
 * PeerAuthentication decides), then those into callees outside it, each in the order of {@link mtlsEdges}.
 */
export function plaintextEdges(rows: readonly MtlsEdge[]): PlaintextEdge[] {
  return rows
    .filter((row) => row.mtlsShare < 1)
    .map((row) => {
      const acceptedTraffic = row.requestsPerSecond > 0 || (row.bytesPerSecond ?? 0) > 0;
      const outcome: PlaintextEdge['outcome'] =
        row.refusedPerSecond === 0 ? 'accepted' : acceptedTraffic ? 'partly refused' : 'refused';
      return {
        sender: senderOf(row.source),
        source: row.source,
        target: row.target,
        receiver: workloadOfNode(row.target),
        plaintextShare: 1 - row.mtlsShare,
        requestsPerSecond: row.requestsPerSecond,
        bytesPerSecond: row.bytesPerSecond,
        refusedPerSecond: row.refusedPerSecond,
        destinationMode: row.destinationMode,
        outcome,
      };
    })
    .sort((a, b) => Number(a.destinationMode === null) - Number(b.destinationMode === null));
}

/** Every SPIFFE identity on the rows, by name, with the roles it was seen in and on how many rows. */
export function principalsSeen(rows: readonly MtlsEdge[]): PrincipalSeen[] {
  const seen = new Map<string, { as: Set<'source' | 'destination'>; edges: number }>();
  const note = (principal: string, as: 'source' | 'destination', counted: Set<string>): void => {
    const entry = seen.get(principal) ?? { as: new Set(), edges: 0 };
    entry.as.add(as);
    if (!counted.has(principal)) entry.edges++;
    counted.add(principal);
    seen.set(principal, entry);
  };
  for (const row of rows) {
    const counted = new Set<string>();
    for (const p of row.sourcePrincipals) note(p, 'source', counted);
    for (const p of row.destinationPrincipals) note(p, 'destination', counted);
  }
  return [...seen.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([principal, { as, edges }]) => ({
      principal,
      as: (['source', 'destination'] as const).filter((r) => as.has(r)),
      edges,
    }));
}
