import { describe, expect, it } from 'vitest';
import { knownFieldsValidator, outsideEditable, validateWith } from './validate';
import { writableKind } from './writable-kinds';

const validate = knownFieldsValidator();

const vs = (
  extra: Record<string, unknown> = {},
  spec: Record<string, unknown> = { hosts: ['reviews'] },
): Record<string, unknown> => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo', resourceVersion: '7' },
  spec,
  ...extra,
});

describe('knownFieldsValidator', () => {
  it('accepts the fields of the kind, and server-set ones', () => {
    expect(validate(vs({ status: {} }, { hosts: ['r'], http: [], exportTo: ['.'] }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { path: string; message: RegExp }]>([
    [
      'an unknown spec field',
      vs({}, { hosts: ['r'], htpp: [] }),
      {
        path: 'spec.htpp',
        message: /^unknown field "htpp" in the spec of a VirtualService \(known: hosts, gateways, http/,
      },
    ],
    [
      'an unknown top-level field',
      vs({ sepc: {} }),
      { path: 'sepc', message: /^unknown field "sepc" at the top level/ },
    ],
    [
      'an unknown metadata field',
      { ...vs(), metadata: { name: 'r', lables: {} } },
      { path: 'metadata.lables', message: /in metadata/ },
    ],
    [
      'a spec that is a list',
      vs({}, [] as unknown as Record<string, unknown>),
      { path: 'spec', message: /must be a mapping/ },
    ],
    [
      'a label that is not a string',
      { ...vs(), metadata: { name: 'r', labels: { 'istio.io/dataplane-mode': 'ambient', enabled: true } } },
      { path: 'metadata.labels.enabled', message: /must be a string: quote it \("true"\)/ },
    ],
  ])('refuses %s', (_what, object, expected) => {
    const [problem] = validate(object);
    expect(problem?.path).toBe(expected.path);
    expect(problem?.message).toMatch(expected.message);
  });

  it('joins validators and drops repeated problems', () => {
    const twice = validateWith(vs({}, { htpp: 1 }), [
      validate,
      validate,
      () => [{ path: 'spec', message: 'other' }],
    ]);
    expect(twice.map((p) => p.path)).toEqual(['spec.htpp', 'spec']);
  });
});

describe('outsideEditable', () => {
  it('allows only label changes on a Namespace, anything on other kinds', () => {
    const namespace = writableKind('Namespace');
    const service = writableKind('VirtualService');
    if (!namespace || !service) throw new Error('table rows missing');
    const changes = [
      { path: 'metadata.labels["istio.io/dataplane-mode"]', op: 'add' as const, after: 'ambient' },
      { path: 'metadata.annotations.x', op: 'add' as const, after: 'y' },
    ];
    expect(outsideEditable(changes, namespace)).toEqual([
      {
        path: 'metadata.annotations.x',
        message: 'only metadata.labels may be changed on a Namespace here; metadata.annotations.x may not',
      },
    ]);
    expect(outsideEditable(changes, service)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    // The posture actions: a Service's use-waypoint label, a Deployment's pod-template dataplane-mode label.
    ['Service', 'metadata.labels["istio.io/use-waypoint"]', ['spec.selector.app', 'metadata.annotations.x']],
    [
      'Deployment',
      'spec.template.metadata.labels["istio.io/dataplane-mode"]',
      ['metadata.labels.app', 'spec.replicas', 'spec.template.spec.containers[0].image'],
    ],
  ])('allows only the labels the posture actions write on a %s', (kind, allowed, refused) => {
    const row = writableKind(kind);
    if (!row) throw new Error(`${kind} is not writable`);
    expect(row.verbs).toEqual(['update']);
    const changes = [allowed, ...refused].map((path) => ({ path, op: 'add' as const, after: 'x' }));
    expect(outsideEditable(changes, row).map((p) => p.path)).toEqual(refused);
  });
});
