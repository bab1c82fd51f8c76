/**
 * The in-process controllers that make the demo cluster react to kubectl like Istio and Kubernetes do: istio-cni
 * (capture), istiod's waypoint deployment, and the Deployment controller (a changed pod template rolls out new
 * pods). They run against the store (`store.watch`), not over HTTP.
 */
import type { ResourceStore } from '../apiserver';
import { type Random, seededRandom } from '@/lib/random';
import { startCniController } from './cni-controller';
import { startDeploymentController } from './deployment-controller';
import { startWaypointController } from './waypoint-controller';

/** Options of {@link startControllers}. */
export interface ControllerOptions {
  /** Names of the pods and ReplicaSets the controllers create; seeded with `controllers` by default. */
  random?: Random;
  /** Told about a reconciliation that failed (the controllers carry on); ignored by default. */
  onError?: (error: unknown) => void;
}

/** The running controllers. */
export interface RunningControllers {
  /** Stops watching and drops pending work; idempotent. */
  stop(): void;
  /**
   * Resolves once every controller has no pending work (for tests, and for a launcher that waits to settle); rejects
   * when they are still busy after `timeoutMs` (5 s by default), which means a controller keeps reacting to itself.
   */
  whenIdle(timeoutMs?: number): Promise<void>;
}

/** Starts istio-cni, the waypoint controller and the Deployment controller on a store. */
export function startControllers(store: ResourceStore, options: ControllerOptions = {}): RunningControllers {
  const random = options.random ?? seededRandom('controllers');
  const controllers = [
    startCniController(store, options.onError),
    startWaypointController(store, random, options.onError),
    startDeploymentController(store, random, options.onError),
  ];
  const settle = async (): Promise<void> => {
    // One controller's writes can give another one work: wait until all are idle at the same time (bounded).
    for (let pass = 0; pass < 50 && !controllers.every((c) => c.idle); pass++) {
      await Promise.all(controllers.map((c) => c.whenIdle()));
    }
  };
  const whenIdle = async (timeoutMs = 5_000): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the controllers did not settle within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([settle(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    stop: () => controllers.forEach((c) => c.stop()),
    whenIdle,
  };
}
