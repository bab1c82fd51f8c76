import { describe, expect, it } from 'vitest';
import { virtualService } from './__fixtures__/objects';
import { fieldPath, schemaCauses } from './validation';

describe('schema validation', () => {
  it('accepts valid Istio and Gateway API objects', () => {
    expect(schemaCauses('virtualservices.networking.istio.io', virtualService('ns', 'reviews'))).toEqual([]);
    const route = {
      metadata: { name: 'r' },
      spec: {
        parentRefs: [{ name: 'waypoint' }],
        rules: [{ backendRefs: [{ name: 'reviews', port: 9080 }] }],
      },
    };
    expect(schemaCauses('httproutes.gateway.networking.k8s.io', route)).toEqual([]);
  });

  it('names each bad field with its Kubernetes path and a readable message', () => {
    const ap = {
      metadata: { name: 'deny' },
      spec: { action: 'BLOCK', rules: [{ from: [{ source: { principals: 'x' } }] }] },
    };
    const causes = schemaCauses('authorizationpolicies.security.istio.io', ap);
    expect(causes).toContainEqual({
      reason: 'FieldValueNotSupported',
      field: 'spec.action',
      message: expect.stringContaining('"BLOCK"') as unknown,
    });
    expect(causes.map((c) => c.field)).toContain('spec.rules[0].from[0].source.principals');
  });

  it('reports range violations of Gateway API fields', () => {
    const route = {
      metadata: { name: 'r' },
      spec: { rules: [{ backendRefs: [{ name: 'reviews', port: 70000 }] }] },
    };
    const [cause] = schemaCauses('httproutes.gateway.networking.k8s.io', route);
    expect(cause).toMatchObject({
      field: 'spec.rules[0].backendRefs[0].port',
      message: 'Invalid value: 70000: must be <= 65535',
    });
  });

  it('does not schema-check built-in kinds', () => {
    expect(schemaCauses('pods', { metadata: { name: 'p' }, spec: 'anything' })).toEqual([]);
  });

  it('turns JSON pointers into field paths', () => {
    expect(fieldPath('/spec/http/0/route/1/weight')).toBe('spec.http[0].route[1].weight');
    expect(fieldPath('/metadata/labels/a~1b')).toBe('metadata.labels.a/b');
    expect(fieldPath('/spec', 'selector')).toBe('spec.selector');
  });
});
