import { describe, expect, it } from 'vitest';
import { defaultValidator } from './schema-validator';

const validate = defaultValidator();

describe('defaultValidator', () => {
  it('checks a VirtualService field by field with the Config schemas', () => {
    const problems = validate({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '7' },
      spec: {
        hosts: ['reviews'],
        http: [{ route: [{ destination: { host: 'reviews' }, weight: 'all' }] }],
        htpp: [],
      },
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['spec.htpp', 'spec.http[0].route[0].weight']);
  });

  it('checks a Namespace and a Gateway with the known-field check', () => {
    const namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'bookinfo', labels: { a: true } },
    };
    expect(validate(namespace).map((p) => p.path)).toEqual(['metadata.labels.a']);
    const gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'waypoint', namespace: 'bookinfo' },
      spec: { gatewayClassName: 'istio-waypoint', listeners: [], listner: [] },
    };
    expect(validate(gateway).map((p) => p.path)).toEqual(['spec.listner']);
  });

  it('checks a Service and a Deployment with the known-field check', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace: 'payments', labels: { 'istio.io/use-waypoint': 'waypoint' } },
      spec: { selector: { app: 'api' }, ports: [{ port: 8080 }], clusterIP: '10.96.0.9', slector: {} },
    };
    expect(validate(service).map((p) => p.path)).toEqual(['spec.slector']);
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api-v1', namespace: 'payments' },
      spec: { replicas: 2, selector: {}, template: {}, strategy: {}, replica: 1 },
    };
    expect(validate(deployment).map((p) => p.path)).toEqual(['spec.replica']);
  });
});
