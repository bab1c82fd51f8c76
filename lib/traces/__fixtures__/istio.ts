/** Spans and expected facts for the tests of istio-span. */
import type { IstioSpanFacts } from '../istio-span';
import type { Attributes, Span } from '../types';
import { testSpan } from './spans';

/** A 12 ms server span of reviews.bookinfo with the `attributes`, changed by `rest`. */
export function istioTestSpan(attributes: Attributes, rest: Partial<Span> = {}): Span {
  return {
    ...testSpan('b7ad6b7169203331', null, 0, 12),
    name: 'reviews.bookinfo.svc.cluster.local:9080/reviews',
    service: 'reviews.bookinfo',
    attributes,
    ...rest,
  };
}

/** The facts of a span that says nothing about Istio. */
export const NO_ISTIO_FACTS = {
  pod: null,
  podIp: null,
  namespace: null,
  canonicalService: null,
  canonicalRevision: null,
  source: null,
  destination: null,
  upstreamCluster: null,
  statusCode: null,
  responseFlags: [],
  viaWaypoint: false,
} satisfies Partial<IstioSpanFacts>;
