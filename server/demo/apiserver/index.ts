/**
 * The demo mesh's Kubernetes API server: a `node:http` server on loopback serving the Kubernetes REST API from an
 * in-memory {@link ResourceStore}, plus the kubeconfig that points kubectl and client-node at it.
 *
 * ```ts
 * const api = await startApiServer();            // http://127.0.0.1:<free port>
 * await writeKubeconfig('/tmp/demo/kubeconfig', api.url);
 * api.store.create('namespaces', { metadata: { name: 'bookinfo' } });
 * await api.close();
 * ```
 *
 * With `auth` (bearer tokens) it speaks HTTPS and enforces authentication, impersonation and RBAC (see auth/ and
 * the README).
 */
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { type AddressInfo } from 'node:net';
import { type DemoAuthOptions } from './auth/authenticate';
import { createAuthGate } from './auth/gate';
import { createRequestListener } from './router';
import { ResourceStore } from './store';
import { selfSignedCertificate } from './tls-certificate';

export {
  ResourceStore,
  type ResourceRef,
  type StoreOptions,
  type UpdateOptions,
  type DeleteOptions,
} from './store';
export { writeKubeconfig, kubeconfigYaml, type KubeconfigOptions } from './kubeconfig';
export {
  RESOURCE_TYPES,
  resolveResource,
  resourceKey,
  apiVersionOf,
  type ResourceType,
} from './resource-table';
export { ApiError, type Status, type StatusCause } from './status';
export type {
  KubeObject,
  ObjectMeta,
  WatchEvent,
  WatchEventType,
  WatchHandle,
  ListOptions,
  ListResult,
  WatchOptions,
  WriteOptions,
} from './types';
export type { PatchType } from './patch';
export type { DemoAuthOptions, DemoToken } from './auth/authenticate';
export type { UserInfo } from './auth/user';

/** How to start the server. */
export interface ApiServerOptions {
  /** Interface to listen on; loopback only (`127.0.0.1` by default). */
  host?: string;
  /** Port; `0` (the default) picks a free one. */
  port?: number;
  /** The store to serve; a new empty one by default. */
  store?: ResourceStore;
  /** Interval of BOOKMARK events on watches that allow them; 10 s by default (client-node gives up after 30 s idle). */
  bookmarkIntervalMs?: number;
  /**
   * Bearer tokens to authenticate with; with them every request is authenticated, impersonation is checked and
   * RBAC (the store's Roles, ClusterRoles and bindings) decides, and the server speaks HTTPS with a self-signed
   * certificate (kubectl sends tokens to `https://` servers only). Without, it speaks plain HTTP and every request
   * is `system:admin`'s and allowed.
   */
  auth?: DemoAuthOptions;
}

/** A running server. */
export interface ApiServer {
  /** Base URL, e.g. `http://127.0.0.1:40123` (`https://` with auth). */
  url: string;
  /** With auth: the server's self-signed certificate (PEM), to trust as the kubeconfig's certificate authority. */
  certificateAuthority?: string;
  store: ResourceStore;
  /** Ends open watches and stops listening. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Starts the API server; resolves once it listens. Refuses a non-loopback host. */
export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the demo API server listens on loopback only, not on ${host}`);
  const store = options.store ?? new ResourceStore();
  const shutdown = new AbortController();
  const listener = createRequestListener({
    store,
    auth: createAuthGate(store, options.auth),
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 10_000,
    shutdown: shutdown.signal,
  });
  const tls = options.auth ? selfSignedCertificate() : undefined;
  const server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const urlHost = address.includes(':') ? `[${address}]` : address;
  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${port}`,
    ...(tls ? { certificateAuthority: tls.cert } : {}),
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        shutdown.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
