import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES, fixtureObject, fixtureText, parseDocuments } from '@/lib/config/__fixtures__/load';
import { diffObjects } from '@/lib/write/diff';
import type { JsonObject } from '@/lib/write/types';
import {
  applyAuthorizationPolicyForm,
  newRule,
  readAuthorizationPolicyForm,
  type AuthorizationPolicyForm,
} from './authorization-policy-form';
import {
  applyVirtualServiceForm,
  newRoute,
  readVirtualServiceForm,
  weightSum,
  type RouteForm,
} from './virtual-service-form';
import { objectOfText, yamlOf } from './yaml-text';

const documents = SAMPLE_FILES.flatMap((file) =>
  (parseDocuments(fixtureText(file)) as JsonObject[]).map((doc, index) => ({
    label: `${file} #${index} ${String(doc['kind'])}`,
    doc,
  })),
);

/** The form of a kind, applied back: what the editor does when the person switches tabs without a change. */
function throughForm(doc: JsonObject): JsonObject {
  if (doc['kind'] === 'VirtualService') return applyVirtualServiceForm(doc, readVirtualServiceForm(doc));
  if (doc['kind'] === 'AuthorizationPolicy')
    return applyAuthorizationPolicyForm(doc, readAuthorizationPolicyForm(doc));
  return doc;
}

describe('every sample goes form -> YAML -> object without loss', () => {
  it('covers forms of both kinds', () => {
    const kinds = documents.map((d) => d.doc['kind']);
    expect(kinds.filter((k) => k === 'VirtualService').length).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k === 'AuthorizationPolicy').length).toBeGreaterThanOrEqual(4);
  });

  it.each(documents)('$label', ({ doc }) => {
    const formed = throughForm(doc);
    expect(formed).toEqual(doc);
    // Same text too: key order and representations (`percent`, quoted strings) are kept.
    const text = yamlOf(formed);
    expect(text).toBe(yamlOf(doc));
    expect(objectOfText(text)).toEqual(doc);
  });
});

/** The form with every `raw` emptied (as if each item were new), or removed (to compare forms). */
function mapRaw(value: unknown, raw: JsonObject | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => mapRaw(v, raw));
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'raw') {
      if (raw !== undefined) out[k] = raw;
    } else out[k] = mapRaw(v, raw);
  }
  return out;
}

describe('the forms write what they read (every item written afresh)', () => {
  const formed = documents.filter((d) =>
    ['VirtualService', 'AuthorizationPolicy'].includes(String(d.doc['kind'])),
  );
  it.each(formed)('$label', ({ doc }) => {
    const empty: JsonObject = { ...doc, spec: {} };
    if (doc['kind'] === 'VirtualService') {
      const form = readVirtualServiceForm(doc);
      const written = applyVirtualServiceForm(empty, mapRaw(form, {}) as typeof form);
      expect(mapRaw(readVirtualServiceForm(written), undefined)).toEqual(mapRaw(form, undefined));
    } else {
      const form = readAuthorizationPolicyForm(doc);
      const written = applyAuthorizationPolicyForm(empty, mapRaw(form, {}) as typeof form);
      expect(mapRaw(readAuthorizationPolicyForm(written), undefined)).toEqual(mapRaw(form, undefined));
    }
  });
});

const RATINGS = fixtureObject(
  'samples/routing.yaml',
  'VirtualService',
  'ratings-resilience',
) as unknown as JsonObject;

function editRoute(doc: JsonObject, index: number, change: (route: RouteForm) => RouteForm): JsonObject {
  const form = readVirtualServiceForm(doc);
  return applyVirtualServiceForm(doc, {
    ...form,
    routes: form.routes.map((r, i) => (i === index ? change(r) : r)),
  });
}

describe('the VirtualService form', () => {
  it('reads the common fields', () => {
    const form = readVirtualServiceForm(RATINGS);
    expect(form.hosts).toEqual(['ratings']);
    const main = form.routes[1];
    expect(main?.name).toBe('main');
    expect(main?.matches[0]?.headers).toEqual([
      { name: 'x-canary', match: { type: 'exact', value: 'true' } },
    ]);
    expect(main?.destinations.map((d) => [d.host, d.subset, d.weight])).toEqual([['ratings', 'v2', 100]]);
    expect(main?.timeout).toBe('2s');
    expect(main?.retries).toEqual({ attempts: 3, perTryTimeout: '500ms' });
    expect(main?.delay).toEqual({ fixedDelay: '100ms', percent: 0.5 });
    expect(main?.abort).toBeNull();
    expect(form.routes[0]?.matches[0]?.uri).toEqual({ type: 'prefix', value: '/v0/' });
  });

  it('changes only the field edited, keeping what the form does not show', () => {
    const edited = editRoute(RATINGS, 1, (r) => ({
      ...r,
      destinations: r.destinations.map((d) => ({ ...d, weight: 90 })),
    }));
    expect(diffObjects(RATINGS, edited)).toEqual([
      { path: 'spec.http[1].route[0].weight', op: 'replace', before: 100, after: 90 },
    ]);
  });

  it('writes a fault, a timeout and retries, and removes them again', () => {
    const doc = fixtureObject(
      'bookinfo/networking-virtual-service-reviews-80-20.yaml',
      'VirtualService',
      'reviews',
    ) as unknown as JsonObject;
    const faulty = editRoute(doc, 0, (r) => ({
      ...r,
      timeout: '3s',
      retries: { attempts: 2, perTryTimeout: '1s' },
      delay: { fixedDelay: '5s', percent: 50 },
      abort: { httpStatus: 503, percent: 10 },
    }));
    expect(objectOfText(yamlOf(faulty))).toMatchObject({
      spec: {
        http: [
          {
            timeout: '3s',
            retries: { attempts: 2, perTryTimeout: '1s' },
            fault: {
              delay: { fixedDelay: '5s', percentage: { value: 50 } },
              abort: { httpStatus: 503, percentage: { value: 10 } },
            },
          },
        ],
      },
    });
    const back = editRoute(faulty, 0, (r) => ({
      ...r,
      timeout: '',
      retries: null,
      delay: null,
      abort: null,
    }));
    expect(back).toEqual(doc);
  });

  it('writes a changed deprecated percent as percentage', () => {
    const doc: JsonObject = {
      spec: { http: [{ fault: { abort: { httpStatus: 500, percent: 5 } }, route: [] }] },
    };
    expect(readVirtualServiceForm(doc).routes[0]?.abort).toEqual({ httpStatus: 500, percent: 5 });
    const edited = editRoute(doc, 0, (r) => ({ ...r, abort: { httpStatus: 500, percent: 7 } }));
    expect(edited).toEqual({
      spec: { http: [{ fault: { abort: { httpStatus: 500, percentage: { value: 7 } } }, route: [] }] },
    });
  });

  it('edits header and URI matches', () => {
    const doc: JsonObject = { spec: { hosts: ['reviews'], http: [] } };
    const form = readVirtualServiceForm(doc);
    const route: RouteForm = {
      ...newRoute('reviews'),
      matches: [
        {
          raw: {},
          uri: { type: 'prefix', value: '/api' },
          headers: [{ name: 'end-user', match: { type: 'regex', value: 'j.*' } }],
        },
      ],
    };
    const edited = applyVirtualServiceForm(doc, { ...form, routes: [route] });
    expect(edited['spec']).toEqual({
      hosts: ['reviews'],
      http: [
        {
          match: [{ uri: { prefix: '/api' }, headers: { 'end-user': { regex: 'j.*' } } }],
          route: [{ destination: { host: 'reviews' } }],
        },
      ],
    });
  });

  it('sums weights, a lone destination without a weight taking 100', () => {
    expect(weightSum([{ weight: null }])).toBe(100);
    expect(weightSum([{ weight: 80 }, { weight: 20 }])).toBe(100);
    expect(weightSum([{ weight: 70 }, { weight: null }])).toBe(70);
    expect(weightSum([])).toBe(0);
  });
});

const policies = parseDocuments(fixtureText('samples/authorization-policies.yaml')) as JsonObject[];
const policy = (name: string): JsonObject => {
  const found = policies.find((p) => (p['metadata'] as JsonObject)['name'] === name);
  if (!found) throw new Error(name);
  return found;
};

describe('the AuthorizationPolicy form', () => {
  it('reads the binding mode', () => {
    expect(readAuthorizationPolicyForm(policy('productpage-ztunnel')).target.mode).toBe('selector');
    expect(readAuthorizationPolicyForm(policy('reviews-viewer')).target).toMatchObject({
      mode: 'targetRefs',
      targetRefs: [{ kind: 'Service', name: 'reviews' }],
    });
    expect(readAuthorizationPolicyForm(policy('allow-nothing'))).toEqual({
      action: '',
      target: { mode: 'namespace', targetRefs: [], matchLabels: [] },
      rules: [],
    });
  });

  it('keeps notValues, provider and ipBlocks when editing what the form shows', () => {
    const doc = policy('ext-authz');
    const form = readAuthorizationPolicyForm(doc);
    const rule = form.rules[0];
    if (!rule) throw new Error('no rule');
    const edited = applyAuthorizationPolicyForm(doc, {
      ...form,
      rules: [{ ...rule, from: rule.from.map((s) => ({ ...s, namespaces: ['bookinfo', 'legacy'] })) }],
    });
    expect(diffObjects(doc, edited)).toEqual([
      { path: 'spec.rules[0].from[0].source.namespaces[1]', op: 'add', after: 'legacy' },
    ]);
  });

  it('switches from selector to targetRefs, dropping the selector', () => {
    const doc = policy('productpage-ztunnel');
    const form = readAuthorizationPolicyForm(doc);
    const next: AuthorizationPolicyForm = {
      ...form,
      target: {
        ...form.target,
        mode: 'targetRefs',
        targetRefs: [{ raw: {}, kind: 'Service', name: 'productpage' }],
      },
    };
    const spec = applyAuthorizationPolicyForm(doc, next)['spec'] as JsonObject;
    expect(spec['selector']).toBeUndefined();
    expect(spec['targetRefs']).toEqual([{ kind: 'Service', group: '', name: 'productpage' }]);
    const gateway = applyAuthorizationPolicyForm(doc, {
      ...next,
      target: { ...next.target, targetRefs: [{ raw: {}, kind: 'Gateway', name: 'waypoint' }] },
    })['spec'] as JsonObject;
    expect(gateway['targetRefs']).toEqual([
      { kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' },
    ]);
  });

  it('writes rules with from, to and when', () => {
    const doc: JsonObject = { spec: { action: 'DENY', rules: [] } };
    const form = readAuthorizationPolicyForm(doc);
    const rule = {
      ...newRule(),
      from: [{ raw: {}, principals: ['cluster.local/ns/bookinfo/sa/x'], namespaces: [], notPrincipals: [] }],
      to: [{ raw: {}, methods: ['GET'], paths: [], ports: ['9080'] }],
      when: [{ raw: {}, key: 'source.namespace', values: ['bookinfo'] }],
    };
    expect(applyAuthorizationPolicyForm(doc, { ...form, rules: [rule] })['spec']).toEqual({
      action: 'DENY',
      rules: [
        {
          from: [{ source: { principals: ['cluster.local/ns/bookinfo/sa/x'] } }],
          to: [{ operation: { methods: ['GET'], ports: ['9080'] } }],
          when: [{ key: 'source.namespace', values: ['bookinfo'] }],
        },
      ],
    });
  });
});
