import { describe, expect, it } from 'vitest';
import { strategicMerge } from './strategic-merge';

const deployment = {
  metadata: { labels: { app: 'reviews' }, finalizers: ['a'] },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'reviews',
            image: 'reviews:v1',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 9080 }],
          },
          { name: 'sidecar', image: 'proxy:1' },
        ],
        tolerations: [{ key: 'x' }],
      },
    },
  },
};

describe('strategic merge patch', () => {
  it('applies the patch kubectl apply computes for a changed image and a removed env var', () => {
    // Recorded from `kubectl apply -v=8` against this server.
    const patch = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'reviews' }, { name: 'sidecar' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'A' }],
                env: [{ $patch: 'delete', name: 'B' }],
                image: 'reviews:v2',
                name: 'reviews',
              },
            ],
          },
        },
      },
    };
    const result = strategicMerge(deployment, patch) as typeof deployment;
    const [reviews, sidecar] = result.spec.template.spec.containers;
    expect(reviews).toEqual({
      name: 'reviews',
      image: 'reviews:v2',
      env: [{ name: 'A', value: '1' }],
      ports: [{ containerPort: 9080 }],
    });
    expect(sidecar).toEqual({ name: 'sidecar', image: 'proxy:1' });
  });

  it('merges labels and deletes with null, like a merge patch', () => {
    const result = strategicMerge(deployment, {
      metadata: { labels: { app: null, team: 'blue' } },
    }) as typeof deployment;
    expect(result.metadata.labels).toEqual({ team: 'blue' });
  });

  it('adds to keyed lists, replaces lists without a strategy and unions finalizers', () => {
    const result = strategicMerge(deployment, {
      metadata: { finalizers: ['b'] },
      spec: {
        template: { spec: { containers: [{ name: 'new', image: 'n:1' }], tolerations: [{ key: 'y' }] } },
      },
    }) as typeof deployment;
    expect(result.spec.template.spec.containers.map((c) => c.name)).toEqual(['reviews', 'sidecar', 'new']);
    expect(result.spec.template.spec.tolerations).toEqual([{ key: 'y' }]);
    expect(result.metadata.finalizers).toEqual(['a', 'b']);
  });

  it('honours $patch: replace, $retainKeys and $deleteFromPrimitiveList', () => {
    const replaced = strategicMerge(deployment, {
      spec: { template: { spec: { $patch: 'replace', containers: [] } } },
    }) as typeof deployment;
    expect(replaced.spec.template.spec).toEqual({ containers: [] });
    const retained = strategicMerge(
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
      { strategy: { $retainKeys: ['type'], type: 'Recreate' } },
    );
    expect(retained).toEqual({ strategy: { type: 'Recreate' } });
    const trimmed = strategicMerge(deployment, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
    }) as typeof deployment;
    expect(trimmed.metadata.finalizers).toEqual([]);
  });

  it('merges Service ports by port and leaves the original untouched', () => {
    const svc = {
      spec: {
        ports: [
          { port: 80, name: 'http' },
          { port: 443, name: 'https' },
        ],
      },
    };
    const result = strategicMerge(svc, { spec: { ports: [{ port: 80, targetPort: 9080 }] } });
    expect(result).toEqual({
      spec: {
        ports: [
          { port: 80, name: 'http', targetPort: 9080 },
          { port: 443, name: 'https' },
        ],
      },
    });
    expect(svc.spec.ports[0]).toEqual({ port: 80, name: 'http' });
  });
});
