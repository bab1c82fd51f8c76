import { describe, expect, it } from 'vitest';
import { authorizationImpact, type AuthorizationImpact } from './authorization-impact';
import { context, E, policy, REVIEWS } from './__fixtures__/mesh';

const ids = (list: AuthorizationImpact['denied']): string[] => list.map((e) => e.edgeId).sort();

describe('authorizationImpact', () => {
  it('a DENY on the ratings Service (targetRefs) refuses every reviews caller at the waypoint, and nothing else', () => {
    const deny = policy('bookinfo', 'deny-reviews', {
      action: 'DENY',
      targetRefs: [{ kind: 'Service', group: '', name: 'ratings' }],
      rules: [{ from: [{ source: { principals: [REVIEWS] } }] }],
    });
    const impact = authorizationImpact(deny, context());
    // reviews-v2 and v3 share the service account: the policy cannot tell them apart, and the preview says so.
    expect(ids(impact.denied)).toEqual([E.reviews2ToRatings.id, E.reviews3ToRatings.id].sort());
    expect(impact.denied[0]).toMatchObject({
      before: 'allow',
      after: 'deny',
      enforcedAt: 'waypoint',
      requestsPerSecond: 3.3,
    });
    expect(impact.denied[0]?.reason).toContain('denied by bookinfo/deny-reviews (DENY) at the waypoint');
    expect(impact.allowed).toEqual([]);
    expect(impact.undecided).toEqual([]);
    expect(impact.unchanged).toBe(4);
  });

  it('the same DENY with a selector is enforced by ratings’ ztunnel, which sees the waypoint, so it changes nothing', () => {
    const deny = policy('bookinfo', 'deny-reviews', {
      action: 'DENY',
      selector: { matchLabels: { app: 'ratings' } },
      rules: [{ from: [{ source: { principals: [REVIEWS] } }] }],
    });
    const impact = authorizationImpact(deny, context());
    expect(impact.denied).toEqual([]);
    expect(impact.unchanged).toBe(6);
  });

  it('an ALLOW for payments’ own namespace refuses the plaintext outsider and the legacy caller at ztunnel', () => {
    const allow = policy('payments', 'allow-own', {
      selector: { matchLabels: { app: 'api' } },
      rules: [{ from: [{ source: { namespaces: ['payments'] } }] }],
    });
    const impact = authorizationImpact(allow, context());
    expect(ids(impact.denied)).toEqual([E.ordersToApi.id, E.outsiderToApi.id].sort());
    expect(impact.denied.every((e) => e.enforcedAt === 'ztunnel')).toBe(true);
  });

  it('a DENY at a sidecar refuses the caller it names', () => {
    const deny = policy('legacy', 'deny-orders', {
      action: 'DENY',
      selector: { matchLabels: { app: 'inventory' } },
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/legacy/sa/orders'] } }] }],
    });
    const impact = authorizationImpact(deny, context());
    expect(ids(impact.denied)).toEqual([E.ordersToInventory.id]);
    expect(impact.denied[0]?.enforcedAt).toBe('sidecar');
  });

  it('says which edges depend on paths the metrics do not record, and leaves the others alone', () => {
    const deny = policy('bookinfo', 'deny-admin', {
      action: 'DENY',
      targetRefs: [{ kind: 'Service', group: '', name: 'ratings' }],
      rules: [{ from: [{ source: { principals: [REVIEWS] } }], to: [{ operation: { paths: ['/admin*'] } }] }],
    });
    const impact = authorizationImpact(deny, context());
    expect(ids(impact.undecided)).toEqual([E.reviews2ToRatings.id, E.reviews3ToRatings.id].sort());
    expect(impact.undecided[0]?.undecided).toContain('paths');
    expect(impact.denied).toEqual([]);
  });

  it('an edit replaces the live policy: emptying a live DENY lets its edges through again', () => {
    const live = policy('bookinfo', 'deny-reviews', {
      action: 'DENY',
      targetRefs: [{ kind: 'Service', group: '', name: 'ratings' }],
      rules: [{ from: [{ source: { principals: [REVIEWS] } }] }],
    });
    const edited = policy('bookinfo', 'deny-reviews', {
      action: 'DENY',
      targetRefs: [{ kind: 'Service', group: '', name: 'ratings' }],
    });
    const impact = authorizationImpact(edited, context([live]));
    expect(ids(impact.allowed)).toEqual([E.reviews2ToRatings.id, E.reviews3ToRatings.id].sort());
    expect(impact.allowed[0]).toMatchObject({ before: 'deny', after: 'allow' });
  });
});
