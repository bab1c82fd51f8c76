import { type KubeObject } from '@/lib/kube/object';
import { ROOT_NAMESPACE } from './labels';
import { isEmptySelector, matchesSelector, type LabelSelector, type Labels } from './selector';

/** PeerAuthentication mTLS modes. UNSET inherits from the level above. */
export type MtlsMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT';

/** The fields of `PeerAuthentication.spec` read here. */
export interface PeerAuthenticationSpec {
  selector?: LabelSelector;
  mtls?: { mode?: MtlsMode };
  /** Per target port (the container port, as a string key), only honoured on workload-level policies. */
  portLevelMtls?: Record<string, { mode?: MtlsMode }>;
}

/** Where an effective mode comes from. */
export type PeerAuthenticationLevel = 'default' | 'mesh' | 'namespace' | 'workload';

/** The effective mode for a workload and the object that set it. */
export interface EffectivePeerAuthentication {
  /** Never UNSET: the default when nothing sets a mode is PERMISSIVE. */
  mode: Exclude<MtlsMode, 'UNSET'>;
  level: PeerAuthenticationLevel;
  /** The policy that set the mode (`namespace/name`), absent for the default. */
  source?: { namespace: string; name: string };
  /** Port-level overrides from the workload-level policy, by target port. */
  ports: Record<number, Exclude<MtlsMode, 'UNSET'>>;
  /** For people: "STRICT from bookinfo/default (namespace)". */
  reason: string;
}

/** A workload as PeerAuthentication sees it. */
export interface PeerAuthenticationSubject {
  namespace: string;
  labels: Labels;
}

type Policy = KubeObject<PeerAuthenticationSpec>;

/** Oldest first, then by namespace/name: Istio's tie-break when several policies sit at one level. */
function byAge(a: Policy, b: Policy): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The levels from the broadest to the narrowest, each with the test that puts a policy there. */
const LEVELS: readonly [
  PeerAuthenticationLevel,
  (p: Policy, s: PeerAuthenticationSubject, root: string) => boolean,
][] = [
  ['mesh', (p, _s, root) => p.metadata.namespace === root && isEmptySelector(p.spec?.selector)],
  ['namespace', (p, s) => p.metadata.namespace === s.namespace && isEmptySelector(p.spec?.selector)],
  [
    'workload',
    (p, s) =>
      p.metadata.namespace === s.namespace &&
      !isEmptySelector(p.spec?.selector) &&
      matchesSelector(p.spec?.selector, s.labels),
  ],
];

function setMode(mode: MtlsMode | undefined): Exclude<MtlsMode, 'UNSET'> | undefined {
  return mode === undefined || mode === 'UNSET' ? undefined : mode;
}

/**
 * The effective PeerAuthentication of a workload: mesh (root namespace, no selector) -> namespace (no selector) ->
 * workload (selector), each level overriding the one above unless its mode is UNSET; PERMISSIVE when nothing sets
 * one. Port-level modes come from the workload-level policy.
 */
export function effectivePeerAuthentication(
  policies: readonly KubeObject[],
  subject: PeerAuthenticationSubject,
  rootNamespace = ROOT_NAMESPACE,
): EffectivePeerAuthentication {
  let result: EffectivePeerAuthentication = {
    mode: 'PERMISSIVE',
    level: 'default',
    ports: {},
    reason: 'PERMISSIVE by default (no PeerAuthentication sets a mode)',
  };
  const sorted = [...(policies as readonly Policy[])].sort(byAge);
  for (const [level, applies] of LEVELS) {
    const policy = sorted.find((p) => applies(p, subject, rootNamespace));
    if (policy === undefined) continue;
    const ports: Record<number, Exclude<MtlsMode, 'UNSET'>> = {};
    if (level === 'workload') {
      for (const [port, value] of Object.entries(policy.spec?.portLevelMtls ?? {})) {
        const mode = setMode(value.mode);
        if (mode !== undefined) ports[Number(port)] = mode;
      }
    }
    const mode = setMode(policy.spec?.mtls?.mode);
    const source = { namespace: policy.metadata.namespace ?? '', name: policy.metadata.name };
    if (mode !== undefined) {
      const reason = `${mode} from ${source.namespace}/${source.name} (${level})`;
      result = { mode, level, source, ports, reason };
    } else if (Object.keys(ports).length > 0) {
      result = { ...result, ports };
    }
  }
  return result;
}

/** The mode that applies to one target port of the workload. */
export function mtlsModeForPort(
  effective: EffectivePeerAuthentication,
  port: number,
): Exclude<MtlsMode, 'UNSET'> {
  return effective.ports[port] ?? effective.mode;
}
