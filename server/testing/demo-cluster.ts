/**
 * The demo mesh as integration tests read it, the way the routes do in demo mode: the mesh (its API server and its
 * direct telemetry), a kubeconfig for its API server in a temporary directory, and a synced watch cache over it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { writeKubeconfig } from '@/server/demo/apiserver';
import { startDemoMesh, type DemoMesh } from '@/server/demo/mesh';
import { KubeCache } from '@/server/kube/cache';
import { loadKubeConfig } from '@/server/kube/config';

/** How long the watch cache may take to list every kind, in ms. */
const SYNC_TIMEOUT_MS = 20_000;

/** A kubeconfig file for a demo API server, and the client-node KubeConfig loaded from it. */
export interface DemoKubeconfig {
  kubeconfigPath: string;
  kubeConfig: KubeConfig;
  /** Deletes the file and its temporary directory. */
  remove(): Promise<void>;
}

/** Writes a kubeconfig for the demo API server at `apiUrl` in a new temporary directory, and loads it. */
export async function writeDemoKubeconfig(apiUrl: string, timeoutMs = 3_000): Promise<DemoKubeconfig> {
  const dir = await mkdtemp(join(tmpdir(), 'meshlens-demo-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const kubeconfigPath = join(dir, 'kubeconfig');
    await writeKubeconfig(kubeconfigPath, apiUrl);
    return { kubeconfigPath, kubeConfig: loadKubeConfig({ kubeconfigPath, timeoutMs }), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** How to start a {@link DemoCluster}. */
export interface DemoClusterOptions {
  /** Makes the default bookinfo world and its traffic reproducible. */
  seed: string;
  /** History simulated at start-up, in ms (a window of traffic needs that much). */
  prefillMs: number;
  /** Deadline of the kube client's requests, in ms; default 3,000. */
  kubeTimeoutMs?: number;
}

/** A running demo mesh with a synced watch cache over its API server. */
export interface DemoCluster {
  mesh: DemoMesh;
  cache: KubeCache;
  /** The KubeConfig the cache reads with (the write handlers can use it too). */
  kubeConfig: KubeConfig;
  kubeconfigPath: string;
  /** Stops the cache and the mesh and deletes the kubeconfig. */
  stop(): Promise<void>;
}

/**
 * Starts the demo mesh (default world, scale 0), writes its kubeconfig and waits until a watch cache over it has
 * synced. When a step fails, what was started is stopped before the error is thrown.
 */
export async function startDemoCluster(options: DemoClusterOptions): Promise<DemoCluster> {
  const mesh = await startDemoMesh({ seed: options.seed, scale: 0, prefillMs: options.prefillMs });
  let kubeconfig: DemoKubeconfig | undefined;
  let cache: KubeCache | undefined;
  const stop = async (): Promise<void> => {
    await cache?.stop();
    await mesh.stop();
    await kubeconfig?.remove();
  };
  try {
    kubeconfig = await writeDemoKubeconfig(mesh.api.url, options.kubeTimeoutMs);
    cache = new KubeCache({ kubeConfig: kubeconfig.kubeConfig });
    cache.start();
    await cache.whenSynced(SYNC_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    mesh,
    cache,
    kubeConfig: kubeconfig.kubeConfig,
    kubeconfigPath: kubeconfig.kubeconfigPath,
    stop,
  };
}
