import 'server-only';
import type { DataResponse } from '@/lib/api/dto';
import { CONFIG_KIND_NAMES, configKindRow, kindOrder } from '@/lib/config/kinds';
import { buildLintContext, type LintInput, type LintLists } from '@/lib/config/lint';
import type { ConfigListParams } from '@/lib/config/params';
import { summarizeObject } from '@/lib/config/summary';
import type { ConfigObjectSummary } from '@/lib/config/types';
import type { KindName } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import type { SourceErrorDTO } from '@/lib/source-error';
import type { KubeCache } from '@/server/kube/cache';

/** What the config list reads: the watch cache. */
export interface ConfigSources {
  kube: Pick<KubeCache, 'list' | 'kindError'>;
}

/** The watched kind behind each part of the lint snapshot. */
const SNAPSHOT_KINDS: Readonly<Record<LintInput, KindName>> = {
  namespaces: 'namespaces',
  services: 'services',
  serviceEntries: 'serviceentries',
  pods: 'pods',
  gateways: 'gateways',
  virtualServices: 'virtualservices',
  httpRoutes: 'httproutes',
  destinationRules: 'destinationrules',
  authorizationPolicies: 'authorizationpolicies',
};

/**
 * The lint snapshot from the cache, cluster-wide whatever namespaces are listed (a VirtualService in one namespace
 * may route to a Service in another). A kind the cluster does not serve has no objects (no Gateway API: no
 * HTTPRoutes); a kind that cannot be read now is unknown, its rules stay silent, and its error is listed.
 */
function snapshot(kube: ConfigSources['kube'], errors: SourceErrorDTO[]): LintLists {
  const lists: LintLists = {};
  for (const [input, kind] of Object.entries(SNAPSHOT_KINDS) as [LintInput, KindName][]) {
    const error = kube.kindError(kind);
    if (error !== null && error.kind !== 'missing_kind') errors.push(error.toDTO());
    lists[input] = error === null ? kube.list(kind) : error.kind === 'missing_kind' ? [] : null;
  }
  return lists;
}

function compareRows(a: ConfigObjectSummary, b: ConfigObjectSummary): number {
  return (
    a.namespace.localeCompare(b.namespace) ||
    kindOrder(a.kind) - kindOrder(b.kind) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * The config list (`GET /api/config/objects`): every Istio and Gateway API object of the listed kinds in the
 * namespaces asked for, with what it applies to, its validation and lint findings, and its GitOps owner. A kind
 * the cluster does not serve, or that cannot be read, is an entry in `errors`; the other kinds are still listed.
 */
export function listConfigObjects(
  params: ConfigListParams,
  sources: ConfigSources,
): DataResponse<ConfigObjectSummary[]> {
  const { kube } = sources;
  const errors: SourceErrorDTO[] = [];
  const context = buildLintContext(snapshot(kube, errors));
  const rows: ConfigObjectSummary[] = [];
  for (const kind of params.kinds ?? CONFIG_KIND_NAMES) {
    const name = configKindRow(kind).name;
    const error = kube.kindError(name);
    if (error !== null) {
      errors.push(error.toDTO());
      continue;
    }
    const objects: KubeObject[] =
      params.namespaces === '*' ? kube.list(name) : params.namespaces.flatMap((ns) => kube.list(name, ns));
    rows.push(...objects.map((object) => summarizeObject(kind, object, context)));
  }
  return {
    data: rows.sort(compareRows),
    errors: [...new Map(errors.map((e) => [JSON.stringify(e), e])).values()],
  };
}
