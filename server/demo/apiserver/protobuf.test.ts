import { describe, expect, it } from 'vitest';
import { statusOf } from './__fixtures__/errors';
import { KUBECTL_CREATE_PROTOBUF } from './__fixtures__/kubectl-create-protobuf';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from './protobuf';

const body = (name: keyof typeof KUBECTL_CREATE_PROTOBUF): Buffer =>
  Buffer.from(KUBECTL_CREATE_PROTOBUF[name], 'base64');

describe('decodeKubernetesProtobuf (bodies recorded from kubectl create)', () => {
  it('reads a namespace and a configmap', () => {
    expect(decodeKubernetesProtobuf(body('namespace'))).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'demo-ns' },
    });
    expect(decodeKubernetesProtobuf(body('configmap'))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm1', namespace: 'bookinfo' },
      data: { a: '1', b: 'two' },
    });
  });

  it('reads a deployment with its pod template, leaving zero values out', () => {
    expect(decodeKubernetesProtobuf(body('deployment'))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'bookinfo', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1', ports: [{ containerPort: 80 }] }] },
        },
      },
    });
  });

  it('reads a service with an int-or-string target port', () => {
    expect(decodeKubernetesProtobuf(body('service'))).toMatchObject({
      kind: 'Service',
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 'svc1' },
        type: 'ClusterIP',
      },
    });
  });

  it('refuses kinds and non-empty fields it does not describe with 415, and garbage with 400', () => {
    const ld = (field: number, bytes: Buffer | string): Buffer => {
      const value = Buffer.from(bytes);
      return Buffer.concat([Buffer.from([(field << 3) | 2, value.length]), value]);
    };
    const envelope = (kind: string, raw: Buffer): Buffer =>
      Buffer.concat([
        Buffer.from('k8s\0', 'latin1'),
        ld(1, Buffer.concat([ld(1, 'v1'), ld(2, kind)])),
        ld(2, raw),
      ]);
    const meta = ld(1, ld(1, 'sa1'));
    expect(decodeKubernetesProtobuf(envelope('ServiceAccount', Buffer.concat([meta, ld(9, '')])))).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'sa1' },
    });
    expect(
      statusOf(() => decodeKubernetesProtobuf(envelope('ServiceAccount', Buffer.concat([meta, ld(9, 'x')])))),
    ).toMatchObject({
      code: 415,
      message: expect.stringContaining('field 9 of ServiceAccount') as unknown,
    });
    expect(statusOf(() => decodeKubernetesProtobuf(envelope('Secret', meta))).code).toBe(415);
    expect(isKubernetesProtobuf(Buffer.from('{"kind":"Pod"}'))).toBe(false);
    expect(statusOf(() => decodeKubernetesProtobuf(Buffer.from('k8s\0\x0a\xff', 'latin1'))).code).toBe(400);
  });
});
