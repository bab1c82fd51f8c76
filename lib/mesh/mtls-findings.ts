/**
 * What the mTLS view tells someone to look at, as a table of rules (style.md: declarative tables over branching),
 * following docs/istio-ambient.md ("PeerAuthentication"): in ambient, mesh traffic is always mTLS (HBONE); STRICT
 * additionally refuses plaintext from clients outside the mesh; PERMISSIVE and DISABLE accept it. Pure.
 */
import { workloadNodeId } from '@/lib/graph/ids';
import type {
  MtlsEdge,
  MtlsFinding,
  MtlsFindingCode,
  NamespaceMtls,
  PlaintextEdge,
  WorkloadMtls,
} from './views-types';

/** What the rules see. */
export interface FindingFacts {
  namespaces: readonly NamespaceMtls[];
  workloads: readonly WorkloadMtls[];
  plaintext: readonly PlaintextEdge[];
  edges: readonly MtlsEdge[];
}

type Rule = (facts: FindingFacts) => MtlsFinding[];

const round = (n: number): number => (n >= 10 ? Math.round(n) : Math.round(n * 100) / 100);

/** The traffic of a plaintext edge in words: requests, else bytes, else refused connections. */
export function plaintextRate(edge: PlaintextEdge): string {
  if (edge.requestsPerSecond > 0) return `${round(edge.requestsPerSecond)} rps`;
  if ((edge.bytesPerSecond ?? 0) > 0) return `${round((edge.bytesPerSecond ?? 0) / 1000)} kB/s`;
  return `${round(edge.refusedPerSecond)} conn/s refused`;
}

/** Plaintext edges grouped by their receiver, in first-seen order. */
function byReceiver(edges: readonly PlaintextEdge[]): Map<string, PlaintextEdge[]> {
  const map = new Map<string, PlaintextEdge[]>();
  for (const e of edges) map.set(e.receiver, [...(map.get(e.receiver) ?? []), e]);
  return map;
}

const inMesh = (dataplane: string): boolean => dataplane !== 'none';

/** The rules, one per finding code. */
export const FINDING_RULES: Readonly<Record<MtlsFindingCode, Rule>> = {
  'strict-refusing-plaintext': ({ plaintext }) =>
    [
      ...byReceiver(
        plaintext.filter((e) => e.destinationMode === 'STRICT' && e.refusedPerSecond > 0),
      ).entries(),
    ].map(([receiver, edges]) => ({
      code: 'strict-refusing-plaintext',
      severity: 'warning',
      subject: receiver,
      scope: 'workload',
      message:
        `STRICT but plaintext attempts are being refused: ${receiver} refuses ` +
        edges.map((e) => `${e.sender} (${round(e.refusedPerSecond)} conn/s)`).join(', '),
    })),
  'permissive-plaintext': ({ plaintext }) =>
    [
      ...byReceiver(
        plaintext.filter(
          (e) =>
            (e.destinationMode === 'PERMISSIVE' || e.destinationMode === 'DISABLE') &&
            e.outcome !== 'refused',
        ),
      ).entries(),
    ].map(([receiver, edges]) => ({
      code: 'permissive-plaintext',
      severity: 'warning',
      subject: receiver,
      scope: 'workload',
      message:
        `${edges[0]?.destinationMode ?? 'PERMISSIVE'}: plaintext accepted into ${receiver} from ` +
        edges.map((e) => `${e.sender} (${plaintextRate(e)})`).join(', '),
    })),
  disable: ({ namespaces, workloads }) => [
    ...namespaces
      .filter((ns) => ns.mode === 'DISABLE' && inMesh(ns.dataplane))
      .map((ns): MtlsFinding => ({
        code: 'disable',
        severity: 'warning',
        subject: ns.namespace,
        scope: 'namespace',
        message: `mTLS disabled by ${ns.text}: ${
          ns.dataplane === 'ambient'
            ? 'in ambient this only accepts plaintext as PERMISSIVE does (mesh traffic stays HBONE mTLS); to turn mTLS off, take the namespace out of ambient'
            : 'its sidecars accept and send plaintext'
        }`,
      })),
    ...workloads
      .filter(
        (w) =>
          inMesh(w.dataplane) &&
          ((w.level === 'workload' && w.mode === 'DISABLE') || w.ports.some((p) => p.mode === 'DISABLE')),
      )
      .map((w): MtlsFinding => ({
        code: 'disable',
        severity: 'warning',
        subject: `${w.namespace}/${w.name}`,
        scope: 'workload',
        message: `mTLS disabled by ${w.text}${
          w.mode === 'DISABLE'
            ? ''
            : ` on port ${w.ports
                .filter((p) => p.mode === 'DISABLE')
                .map((p) => p.port)
                .join(', ')}`
        }: plaintext is accepted${w.dataplane === 'sidecar' ? ' and sent' : ''}`,
      })),
  ],
  'permissive-all-mtls': ({ namespaces, workloads, edges }) => {
    const node = (w: WorkloadMtls): string => workloadNodeId(w.namespace, w.name);
    /** True when the workloads received traffic, all of it over mTLS. */
    const allMtls = (ws: readonly WorkloadMtls[]): number | null => {
      const into = edges.filter((e) => ws.some((w) => node(w) === e.target));
      return into.length > 0 && into.every((e) => e.mtlsShare >= 1) ? into.length : null;
    };
    const message = (n: number, text: string): string =>
      `PERMISSIVE while all traffic is already mTLS: safe to make STRICT (${n} inbound ${
        n === 1 ? 'edge' : 'edges'
      }, all mTLS; ${text})`;
    const found: MtlsFinding[] = [];
    for (const ns of namespaces) {
      if (ns.mode !== 'PERMISSIVE' || !inMesh(ns.dataplane)) continue;
      const inheriting = workloads.filter(
        (w) => w.namespace === ns.namespace && w.level !== 'workload' && inMesh(w.dataplane),
      );
      const n = allMtls(inheriting);
      if (n === null) continue;
      found.push({
        code: 'permissive-all-mtls',
        severity: 'info',
        subject: ns.namespace,
        scope: 'namespace',
        message: message(n, ns.text),
      });
    }
    for (const w of workloads) {
      if (w.level !== 'workload' || w.mode !== 'PERMISSIVE' || !inMesh(w.dataplane)) continue;
      const n = allMtls([w]);
      if (n === null) continue;
      const subject = `${w.namespace}/${w.name}`;
      found.push({
        code: 'permissive-all-mtls',
        severity: 'info',
        subject,
        scope: 'workload',
        message: message(n, w.text),
      });
    }
    return found;
  },
};

/** The order findings are listed in: warnings first, then by code in this order, then by subject. */
const CODE_ORDER: readonly MtlsFindingCode[] = [
  'strict-refusing-plaintext',
  'permissive-plaintext',
  'disable',
  'permissive-all-mtls',
];

/** Every finding, warnings first (see {@link CODE_ORDER}). */
export function mtlsFindings(facts: FindingFacts): MtlsFinding[] {
  const severity = (f: MtlsFinding): number => (f.severity === 'warning' ? 0 : 1);
  return CODE_ORDER.flatMap((code) => FINDING_RULES[code](facts)).sort(
    (a, b) =>
      severity(a) - severity(b) ||
      CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code) ||
      a.subject.localeCompare(b.subject),
  );
}
