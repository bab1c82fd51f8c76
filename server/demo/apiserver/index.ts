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
 */
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createRequestListener } from './router';
import { ResourceStore } from './store';

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
}

/** A running server. */
export interface ApiServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
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
  const server = createServer(
    createRequestListener({
      store,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 10_000,
      shutdown: shutdown.signal,
    }),
  );
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
    url: `http://${urlHost}:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        shutdown.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
