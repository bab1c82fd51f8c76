/**
 * The demo mesh's world: the objects the demo cluster starts with (nodes, Istio's control and data plane, bookinfo
 * and friends, or a generated large mesh) with what their applications do, and the in-process controllers that play
 * istio-cni, istiod's waypoint deployment and the Deployment controller so that kubectl changes behave as in a real
 * cluster.
 *
 * ```ts
 * const store = new ResourceStore({ seed: 'demo' });
 * const world = args.scale ? scaledWorld(args.scale, args.seed) : defaultWorld(args.seed);
 * materializeWorld(world, store);
 * const controllers = startControllers(store);
 * engine.start(store, world.behaviour);
 * ```
 */
export { type DemoWorld } from './world-builder';
export { defaultWorld } from './default-world';
export { scaledWorld } from './scaled-world';
export { materializeWorld } from './materialize';
export { startControllers, type ControllerOptions, type RunningControllers } from './controllers';
export { isPodCaptured, isPodInjected, type PodFacts } from './capture';
export { behaviourProblems } from './world-check';
export { INGRESS } from './platform';
export { KEYS, ISTIO_VERSION, WAYPOINT_CLASS } from './labels';
export { DEMO_ADMIN, DEMO_ADMIN_TOKEN, DEMO_USERS, demoRbacObjects, demoTokens } from './rbac';
