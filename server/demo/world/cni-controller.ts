/**
 * The demo's istio-cni: keeps each pod's `ambient.istio.io/redirection` annotation in line with
 * {@link isPodCaptured}. Labelling a namespace or a pod in or out of ambient adds or removes the annotation at
 * once, without restarting the pod (ambient needs no restart). It writes only when the annotation is wrong, so its
 * own writes (which it sees again as pod events) end in a no-op.
 */
import type { KubeObject, ResourceStore, WatchEvent } from '../apiserver';
import { isPodCaptured } from './capture';
import { at, mapAt } from './json';
import { KEYS } from './labels';
import { type Controller, WorkQueue, queueController } from './work-queue';

function reconcilePod(
  store: ResourceStore,
  pod: KubeObject,
  namespaceLabels: Record<string, string> | undefined,
): void {
  const annotations = mapAt(pod, 'metadata.annotations');
  const captured = isPodCaptured(
    { labels: mapAt(pod, 'metadata.labels'), annotations, hostNetwork: at(pod, 'spec.hostNetwork') === true },
    namespaceLabels,
  );
  if (captured === (annotations[KEYS.redirection] === 'enabled')) return;
  const { name = '', namespace } = pod.metadata;
  const value = captured ? 'enabled' : null;
  store.patch('pods', namespace, name, 'merge', { metadata: { annotations: { [KEYS.redirection]: value } } });
}

/** Starts the istio-cni controller on a store. */
export function startCniController(store: ResourceStore, onError?: (error: unknown) => void): Controller {
  const namespaceLabels = (name: string): Record<string, string> | undefined => {
    const ns = store.get('namespaces', undefined, name);
    return ns ? mapAt(ns, 'metadata.labels') : undefined;
  };
  const queue = new WorkQueue(
    (key) => {
      const [kind, namespace = '', name = ''] = key.split('/');
      const labels = namespaceLabels(namespace);
      if (kind === 'ns') {
        for (const pod of store.list('pods', { namespace }).items) reconcilePod(store, pod, labels);
        return;
      }
      const pod = store.get('pods', namespace, name);
      if (pod) reconcilePod(store, pod, labels);
    },
    (_key, error) => onError?.(error),
  );
  // The namespace's dataplane mode as last seen: other namespace changes do not touch its pods.
  const modes = new Map<string, string | undefined>();
  const onNamespace = ({ type, object }: WatchEvent): void => {
    const name = object.metadata.name ?? '';
    if (type === 'DELETED') return void modes.delete(name);
    const mode = mapAt(object, 'metadata.labels')[KEYS.dataplaneMode];
    if (modes.has(name) && modes.get(name) === mode) return;
    modes.set(name, mode);
    queue.add(`ns/${name}`);
  };
  const onPod = ({ type, object }: WatchEvent): void => {
    if (type !== 'DELETED') queue.add(`pod/${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
  };
  const watches = [store.watch('namespaces', {}, onNamespace), store.watch('pods', {}, onPod)];
  return queueController(queue, watches);
}
