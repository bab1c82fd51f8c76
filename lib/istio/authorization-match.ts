import {
  type AuthorizationCondition,
  type AuthorizationOperation,
  type AuthorizationRequest,
  type AuthorizationRule,
  type AuthorizationSource,
} from './authorization-types';
import { cidrMatch, hostMatch, wildcardMatch } from './string-match';

/** L4 fields are enforced by ztunnel; L7 fields need an Envoy (waypoint or sidecar) and HTTP traffic. */
export type Layer = 'l4' | 'l7';

/** What a field test sees. */
interface MatchContext {
  request: AuthorizationRequest;
  /** The policy's namespace: `serviceAccounts: [name]` means a service account there. */
  policyNamespace: string;
}

/** One field: its layer, and whether one listed value matches the request. `not*` fields share the test. */
interface FieldRule {
  layer: Layer;
  test: (value: string, ctx: MatchContext) => boolean;
}

const principal: FieldRule = {
  layer: 'l4',
  test: (v, { request }) => wildcardMatch(v, request.source.principal),
};
const namespaces: FieldRule = {
  layer: 'l4',
  test: (v, { request }) => wildcardMatch(v, request.source.namespace),
};
const serviceAccounts: FieldRule = {
  layer: 'l4',
  test: (v, { request, policyNamespace }) => {
    const { namespace, serviceAccount } = request.source;
    if (namespace === undefined || serviceAccount === undefined) return false;
    return (v.includes('/') ? v : `${policyNamespace}/${v}`) === `${namespace}/${serviceAccount}`;
  },
};
const ipBlocks: FieldRule = { layer: 'l4', test: (v, { request }) => cidrMatch(v, request.source.ip) };
/** The demo has no JWTs, so request principals never match. */
const requestPrincipals: FieldRule = { layer: 'l7', test: () => false };
const remoteIpBlocks: FieldRule = { layer: 'l7', test: (v, { request }) => cidrMatch(v, request.source.ip) };

/** `source` fields: their layer and test (docs/istio-ambient.md, "AuthorizationPolicy"). */
const SOURCE_FIELDS: Record<keyof AuthorizationSource, FieldRule> = {
  principals: principal,
  notPrincipals: principal,
  namespaces,
  notNamespaces: namespaces,
  serviceAccounts,
  notServiceAccounts: serviceAccounts,
  ipBlocks,
  notIpBlocks: ipBlocks,
  requestPrincipals,
  notRequestPrincipals: requestPrincipals,
  remoteIpBlocks,
  notRemoteIpBlocks: remoteIpBlocks,
};

const hosts: FieldRule = { layer: 'l7', test: (v, { request }) => hostMatch(v, request.http?.host) };
const ports: FieldRule = { layer: 'l4', test: (v, { request }) => v === String(request.destination.port) };
const methods: FieldRule = { layer: 'l7', test: (v, { request }) => v === request.http?.method };
const paths: FieldRule = {
  layer: 'l7',
  test: (v, { request }) => wildcardMatch(v, request.http?.path.split('?')[0]),
};

/** `operation` fields. */
const OPERATION_FIELDS: Record<keyof AuthorizationOperation, FieldRule> = {
  hosts,
  notHosts: hosts,
  ports,
  notPorts: ports,
  methods,
  notMethods: methods,
  paths,
  notPaths: paths,
};

/** `when` keys ztunnel understands, with how to read them and compare one value; every other key is L7. */
const L4_CONDITIONS: Record<string, (v: string, r: AuthorizationRequest) => boolean> = {
  'source.ip': (v, r) => cidrMatch(v, r.source.ip),
  'source.namespace': (v, r) => wildcardMatch(v, r.source.namespace),
  'source.principal': (v, r) => wildcardMatch(v, r.source.principal),
  'destination.ip': (v, r) => cidrMatch(v, r.destination.ip),
  'destination.port': (v, r) => v === String(r.destination.port),
};

const HEADER_KEY = /^request\.headers\[(.+)\]$/;

/** The layer and single-value test of a `when` key; unknown keys (JWT claims…) never match a value. */
function conditionRule(key: string): FieldRule {
  const l4 = L4_CONDITIONS[key];
  if (l4 !== undefined) return { layer: 'l4', test: (v, { request }) => l4(v, request) };
  const header = HEADER_KEY.exec(key)?.[1]?.toLowerCase();
  if (header !== undefined) {
    return { layer: 'l7', test: (v, { request }) => wildcardMatch(v, request.http?.headers[header]) };
  }
  return { layer: 'l7', test: () => false };
}

/** True when a field's values match: one of them for plain fields, none of them for `not*` fields. */
function fieldMatches(name: string, values: string[], rule: FieldRule, ctx: MatchContext): boolean {
  const any = values.some((value) => rule.test(value, ctx));
  return name.startsWith('not') ? !any : any;
}

/** AND of the present fields, skipping L7 fields when `l4Only` (they have been stripped). */
function fieldsMatch<T extends object>(
  fields: T | undefined,
  table: Record<keyof T, FieldRule>,
  ctx: MatchContext,
  l4Only: boolean,
): boolean {
  return Object.entries(fields ?? {}).every(([name, values]) => {
    const rule = table[name as keyof T];
    if (rule === undefined || !Array.isArray(values)) return true;
    if (l4Only && rule.layer === 'l7') return true;
    return fieldMatches(name, values as string[], rule, ctx);
  });
}

function conditionMatches(condition: AuthorizationCondition, ctx: MatchContext, l4Only: boolean): boolean {
  const rule = conditionRule(condition.key);
  if (l4Only && rule.layer === 'l7') return true;
  const yes = condition.values === undefined || fieldMatches('values', condition.values, rule, ctx);
  return (
    yes && (condition.notValues === undefined || fieldMatches('notValues', condition.notValues, rule, ctx))
  );
}

/** True when any field, `from`/`to` entry or `when` condition of the rule is L7. */
export function ruleHasL7(rule: AuthorizationRule): boolean {
  const layerOf = (table: Record<string, FieldRule>, fields: object | undefined): boolean =>
    Object.keys(fields ?? {}).some((name) => table[name]?.layer === 'l7');
  return (
    (rule.from ?? []).some((f) => layerOf(SOURCE_FIELDS, f.source)) ||
    (rule.to ?? []).some((t) => layerOf(OPERATION_FIELDS, t.operation)) ||
    (rule.when ?? []).some((c) => conditionRule(c.key).layer === 'l7')
  );
}

/**
 * True when the rule matches the request: `from` entries OR-ed, `to` entries OR-ed, `when` conditions AND-ed, the
 * three AND-ed. With `l4Only`, L7 parts are ignored (stripped); callers drop ALLOW rules with L7 parts before this.
 */
export function ruleMatches(
  rule: AuthorizationRule,
  request: AuthorizationRequest,
  policyNamespace: string,
  l4Only: boolean,
): boolean {
  const ctx: MatchContext = { request, policyNamespace };
  const from = rule.from ?? [];
  const to = rule.to ?? [];
  return (
    (from.length === 0 || from.some((f) => fieldsMatch(f.source, SOURCE_FIELDS, ctx, l4Only))) &&
    (to.length === 0 || to.some((t) => fieldsMatch(t.operation, OPERATION_FIELDS, ctx, l4Only))) &&
    (rule.when ?? []).every((c) => conditionMatches(c, ctx, l4Only))
  );
}
