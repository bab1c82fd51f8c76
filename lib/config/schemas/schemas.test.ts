import { describe, expect, it } from 'vitest';
import { fixtureObject } from '../__fixtures__/load';
import type { SchemaProblem } from '../types';
import { checkSchema, jsonSchemaFor, validateObject } from './index';
import { formatPath } from './problems';

const VS = fixtureObject(
  'bookinfo/networking-virtual-service-reviews-80-20.yaml',
  'VirtualService',
  'reviews',
);
const AP = fixtureObject('samples/authorization-policies.yaml', 'AuthorizationPolicy', 'productpage-ztunnel');
const PA = fixtureObject('samples/peer-authentications.yaml', 'PeerAuthentication', 'permissive', 'payments');
const GW = fixtureObject('bookinfo/gateway-api-bookinfo-gateway.yaml', 'Gateway', 'bookinfo-gateway');

/** A copy of `base` with the value at `path` replaced (`undefined` deletes it). */
function changed(base: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

const route1 = ['spec', 'http', 0, 'route', 1];

describe('validateObject', () => {
  const rows: [string, unknown, SchemaProblem[]][] = [
    [
      'a weight as text',
      changed(VS, [...route1, 'weight'], '20'),
      [{ path: 'spec.http[0].route[1].weight', message: 'expected a number, got a string' }],
    ],
    [
      'a fractional weight',
      changed(VS, [...route1, 'weight'], 20.5),
      [{ path: 'spec.http[0].route[1].weight', message: 'expected a whole number, got a fractional number' }],
    ],
    [
      'a misspelt field, reported at its own path',
      changed(VS, [...route1, 'wieght'], 20),
      [{ path: 'spec.http[0].route[1].wieght', message: 'unknown field "wieght"' }],
    ],
    [
      'a destination without a host',
      changed(VS, [...route1, 'destination', 'host'], undefined),
      [{ path: 'spec.http[0].route[1].destination.host', message: 'required' }],
    ],
    [
      'a header match with two operators',
      changed(
        VS,
        ['spec', 'http', 0, 'match'],
        [{ headers: { 'end-user': { exact: 'jason', prefix: 'j' } } }],
      ),
      [{ path: 'spec.http[0].match[0].headers.end-user', message: 'give one of exact, prefix or regex' }],
    ],
    [
      'a timeout that is not a duration',
      changed(VS, ['spec', 'http', 0, 'timeout'], '10 seconds'),
      [{ path: 'spec.http[0].timeout', message: 'must be a duration such as 5s, 100ms or 1h30m' }],
    ],
    [
      'an unknown apiVersion',
      changed(VS, ['apiVersion'], 'networking.istio.io/v2'),
      [
        {
          path: 'apiVersion',
          message:
            'must be one of networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3',
        },
      ],
    ],
    [
      'no name',
      changed(VS, ['metadata', 'name'], undefined),
      [{ path: 'metadata.name', message: 'required' }],
    ],
    [
      'a label that is not text',
      changed(VS, ['metadata', 'labels'], { 'app.kubernetes.io/part-of': 3 }),
      [{ path: 'metadata.labels["app.kubernetes.io/part-of"]', message: 'expected text, got a number' }],
    ],
    [
      'an unknown action',
      changed(AP, ['spec', 'action'], 'PERMIT'),
      [{ path: 'spec.action', message: 'must be one of ALLOW, DENY, AUDIT, CUSTOM' }],
    ],
    [
      'CUSTOM without a provider',
      changed(AP, ['spec', 'action'], 'CUSTOM'),
      [{ path: 'spec.provider', message: 'a CUSTOM policy needs provider.name' }],
    ],
    [
      'a source field in the wrong place',
      changed(AP, ['spec', 'rules', 0, 'from', 0], { principals: ['x'] }),
      [
        { path: 'spec.rules[0].from[0].source', message: 'required' },
        { path: 'spec.rules[0].from[0].principals', message: 'unknown field "principals"' },
      ],
    ],
    [
      'an unknown mTLS mode',
      changed(PA, ['spec', 'mtls', 'mode'], 'ON'),
      [{ path: 'spec.mtls.mode', message: 'must be one of UNSET, DISABLE, PERMISSIVE, STRICT' }],
    ],
    [
      'port-level mTLS without a selector',
      changed(PA, ['spec', 'portLevelMtls'], { '8080': { mode: 'DISABLE' } }),
      [
        {
          path: 'spec.portLevelMtls',
          message: 'portLevelMtls needs a selector (it applies to workloads, not a namespace)',
        },
      ],
    ],
    [
      'a Gateway without a spec (envelope check)',
      changed(GW, ['spec'], undefined),
      [{ path: 'spec', message: 'required' }],
    ],
    [
      'an unknown top-level field',
      changed(GW, ['specs'], {}),
      [{ path: 'specs', message: 'unknown field "specs"' }],
    ],
    [
      'a kind that is not listed',
      changed(GW, ['kind'], 'Ingress'),
      [
        {
          path: 'kind',
          message: expect.stringMatching(/^"Ingress" is not a listed kind \(Gateway, HTTPRoute,/) as string,
        },
      ],
    ],
    ['not an object', 'hello', [{ path: 'kind', message: 'required' }]],
  ];

  it.each(rows)('%s', (_name, obj, problems) => {
    expect(validateObject(obj)).toEqual(problems);
  });

  it('accepts objects read from the cluster, with server-owned metadata and status', () => {
    const read = {
      ...(VS as object),
      metadata: { name: 'reviews', namespace: 'bookinfo', uid: 'u-1', resourceVersion: '7', generation: 2 },
      status: { observedGeneration: 2 },
    };
    expect(validateObject(read)).toEqual([]);
  });

  it('calls an object with only unknown fields sound, so that lint rules can still read it', () => {
    expect(checkSchema(changed(VS, [...route1, 'wieght'], 20)).sound).toBe(true);
    expect(checkSchema(changed(VS, [...route1, 'weight'], '20')).sound).toBe(false);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and quotes keys that are not plain words', () => {
    expect(formatPath(['spec', 'http', 0, 'route', 1, 'weight'])).toBe('spec.http[0].route[1].weight');
    expect(formatPath(['spec', 'selector', 'matchLabels', 'app.kubernetes.io/name'])).toBe(
      'spec.selector.matchLabels["app.kubernetes.io/name"]',
    );
    expect(formatPath([])).toBe('');
  });
});

describe('jsonSchemaFor', () => {
  it('gives the YAML editor the fields of each kind, unknown ones refused', () => {
    const schema = jsonSchemaFor('VirtualService') as {
      properties: { spec: { properties: Record<string, unknown>; additionalProperties: boolean } };
    };
    expect(Object.keys(schema.properties.spec.properties)).toEqual(
      expect.arrayContaining(['hosts', 'gateways', 'http', 'tcp', 'tls', 'exportTo']),
    );
    expect(schema.properties.spec.additionalProperties).toBe(false);
    expect(JSON.stringify(jsonSchemaFor('AuthorizationPolicy'))).toContain(
      '"enum":["ALLOW","DENY","AUDIT","CUSTOM"]',
    );
    expect(jsonSchemaFor('Telemetry')).toMatchObject({
      type: 'object',
      required: ['apiVersion', 'kind', 'metadata'],
    });
  });
});
