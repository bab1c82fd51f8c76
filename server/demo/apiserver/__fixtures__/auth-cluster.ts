/**
 * The test cluster (seed.ts) plus the demo's other namespaces (legacy, payments, outside), a VirtualService in
 * legacy, a pod in payments, and the demo's RBAC model (world/rbac.ts), served with the demo's tokens.
 */
import { demoRbacObjects, demoTokens } from '../../world/rbac';
import { type ApiServer, startApiServer } from '../index';
import { ResourceStore } from '../store';
import { namespace, pod, virtualService } from './objects';
import { seedCluster } from './seed';

/** Starts an authenticating API server over the seeded cluster with the demo RBAC. */
export async function startAuthCluster(clock: () => Date = () => new Date()): Promise<ApiServer> {
  const store = new ResourceStore({ clock, seed: 'auth' });
  seedCluster(store);
  for (const name of ['legacy', 'payments', 'outside']) store.create('namespaces', namespace(name));
  store.create('vs', virtualService('legacy', 'inventory'));
  store.create('pods', pod('payments', 'api-v1-ccccc', { app: 'api' }));
  for (const object of demoRbacObjects()) store.create(object.kind, object);
  return startApiServer({ store, auth: { tokens: demoTokens() } });
}
