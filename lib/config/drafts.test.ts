import { describe, expect, it } from 'vitest';
import { authorizationImpact } from '@/lib/impact/authorization-impact';
import { context, E, N } from '@/lib/impact/__fixtures__/mesh';
import { denyCallerDraft, draftLink, injectFaultDraft, newPolicyDraft, shiftTrafficDraft } from './drafts';
import { validateObject } from './schemas';

const behindWaypoint = { ...N.ratings, waypoint: { name: 'waypoint', namespace: 'bookinfo' } };

describe('drafts for the graph’s shortcuts', () => {
  it('deny this caller: behind a waypoint, a DENY on the callee’s Service by the caller’s identity, which denies that edge', () => {
    const draft = denyCallerDraft(E.reviews2ToRatings, N.reviews2, behindWaypoint);
    expect(draft).toMatchObject({
      kind: 'AuthorizationPolicy',
      metadata: { namespace: 'bookinfo', name: 'deny-reviews-v2-to-ratings' },
      spec: {
        action: 'DENY',
        targetRefs: [{ kind: 'Service', group: '', name: 'ratings' }],
        rules: [{ from: [{ source: { principals: ['cluster.local/ns/bookinfo/sa/bookinfo-reviews'] } }] }],
      },
    });
    expect(validateObject(draft)).toEqual([]);
    const impact = authorizationImpact(draft, context());
    expect(impact.denied.map((e) => e.edgeId)).toContain(E.reviews2ToRatings.id);
  });

  it('deny this caller: without a waypoint a selector, and a plaintext caller by its namespace', () => {
    const draft = denyCallerDraft(E.outsiderToApi, N.outsider, N.api);
    expect(draft.spec).toMatchObject({
      selector: { matchLabels: { app: 'api' } },
      rules: [{ from: [{ source: { namespaces: ['outside'] } }] }],
    });
    expect(validateObject(draft)).toEqual([]);
  });

  it('shift traffic: the callee’s versions seen in the graph, weights summing to 100', () => {
    const v3 = { ...N.reviews3, version: 'v3' };
    const v2 = { ...N.reviews2, version: 'v2' };
    const v1 = { ...N.reviews2, id: 'workload:bookinfo/reviews-v1', name: 'reviews-v1', version: 'v1' };
    const draft = shiftTrafficDraft(v2, [v1, v2, v3, N.ratings]);
    const route = (draft.spec as { http: { route: { destination: { subset: string }; weight: number }[] }[] })
      .http[0]?.route;
    expect(route?.map((r) => [r.destination.subset, r.weight])).toEqual([
      ['v1', 34],
      ['v2', 33],
      ['v3', 33],
    ]);
    expect(validateObject(draft)).toEqual([]);
  });

  it('inject a fault and a new policy are valid objects for the callee', () => {
    expect(validateObject(injectFaultDraft(N.ratings))).toEqual([]);
    expect(validateObject(newPolicyDraft(behindWaypoint))).toEqual([]);
    expect(newPolicyDraft(behindWaypoint).spec).toMatchObject({
      action: 'ALLOW',
      targetRefs: [{ name: 'ratings' }],
    });
  });

  it('links to the editor with the draft as base64url JSON, keeping the view', () => {
    const draft = injectFaultDraft(N.ratings);
    const link = draftLink(draft, new URLSearchParams('ns=bookinfo&window=1h'));
    const url = new URL(link, 'http://x');
    expect(url.pathname).toBe('/config/edit');
    expect(url.searchParams.get('ns')).toBe('bookinfo');
    const encoded = url.searchParams.get('draft') ?? '';
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const json = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    expect(JSON.parse(json)).toEqual(draft);
  });
});
