import 'server-only';
import type { KubeConfig, RequestContext } from '@kubernetes/client-node';
import { request, type Dispatcher } from 'undici';
import type { Identity } from '@/lib/auth/types';
import { TimedKubeConfig } from './config';

/**
 * How the dashboard's own Kubernetes calls (discovery, lists, reviews, writes) go on the wire, and how they act as
 * a user. client-node's fetch library cannot send a header twice, and Kubernetes reads each `Impersonate-Group`
 * line as one group (`a, b` would be a single group named "a, b"), so requests go through undici's `request`,
 * which writes one line per value.
 */

/** An answer: status, headers and the body as text. */
export interface KubeAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * A KubeConfig that acts as another user: the credentials of the one it was made from (the dashboard's service
 * account), plus `Impersonate-User` and one `Impersonate-Group` line per group.
 */
export class ImpersonatingKubeConfig extends TimedKubeConfig {
  constructor(readonly impersonate: Identity) {
    super();
  }
}

/** A copy of `base` (cluster, TLS, deadline) whose requests carry `token` instead of `base`'s credentials. */
export function kubeConfigWithToken(base: KubeConfig, token: string): TimedKubeConfig {
  return derived(base, new TimedKubeConfig(), { name: 'meshlens-user', token });
}

/** A copy of `base` that keeps its credentials and impersonates `identity`. */
export function impersonatingKubeConfig(base: KubeConfig, identity: Identity): ImpersonatingKubeConfig {
  const user = base.getCurrentUser();
  return derived(base, new ImpersonatingKubeConfig(identity), user ?? { name: 'meshlens' });
}

function derived<T extends TimedKubeConfig>(
  base: KubeConfig,
  into: T,
  user: { name: string; token?: string },
): T {
  const cluster = base.getCurrentCluster();
  if (!cluster) throw new Error('the dashboard KubeConfig has no current cluster');
  into.loadFromOptions({
    clusters: [cluster],
    users: [user],
    contexts: [{ name: 'acting', cluster: cluster.name, user: user.name }],
    currentContext: 'acting',
  });
  if (base instanceof TimedKubeConfig) into.requestTimeoutMs = base.requestTimeoutMs;
  return into;
}

/** The extra header lines a KubeConfig's requests carry (impersonation), one entry per line. */
export function actingHeaders(kc: KubeConfig): [string, string][] {
  if (!(kc instanceof ImpersonatingKubeConfig)) return [];
  return [
    ['Impersonate-User', kc.impersonate.user],
    ...kc.impersonate.groups
      .filter((g) => g !== 'system:authenticated')
      .map((g): [string, string] => ['Impersonate-Group', g]),
  ];
}

/** Sends a prepared RequestContext (credentials, TLS dispatcher and deadline already applied by `kc`). */
export async function sendKube(kc: KubeConfig, ctx: RequestContext): Promise<KubeAnswer> {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(ctx.getHeaders())) lines.push(name, value);
  for (const [name, value] of actingHeaders(kc)) lines.push(name, value);
  const body = ctx.getBody();
  const res = await request(ctx.getUrl(), {
    method: ctx.getHttpMethod(),
    headers: lines,
    body: typeof body === 'string' ? body : undefined,
    signal: ctx.getSignal(),
    dispatcher: ctx.getDispatcher() as Dispatcher | undefined,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: res.statusCode, headers, text: await res.body.text() };
}
