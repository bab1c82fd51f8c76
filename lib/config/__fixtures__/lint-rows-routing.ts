/** The lint table's rows for the routing rules (VirtualService, DestinationRule, HTTPRoute) and the schema. */
import { bookinfoContext } from './cluster';
import { BOOKINFO as bookinfo, type LintRow } from './lint-row';
import {
  DETAILS_ALL_V1,
  DR_REVIEWS,
  REVIEWS_80_20,
  REVIEWS_TEST_V2,
  ROUTE_INGRESS,
  ROUTE_REVIEWS_90_10,
  destinationRule,
  virtualService as vs,
  weighted,
} from './objects';

const withRoute = bookinfoContext({ httpRoutes: [ROUTE_REVIEWS_90_10, ROUTE_INGRESS] });
const withVs = bookinfoContext({ virtualServices: [REVIEWS_80_20] });
const onlyReviewsRule = bookinfoContext({ destinationRules: [DR_REVIEWS] });
const sourceLabelsMatch = {
  hosts: ['reviews'],
  http: [
    { match: [{ sourceLabels: { app: 'productpage' } }], route: [{ destination: { host: 'reviews' } }] },
  ],
};

export const ROUTING_ROWS: LintRow[] = [
  [
    'schema',
    'a weight written as text',
    vs('reviews', 'bookinfo', weighted('reviews', [80, '20' as unknown as number])),
    bookinfo,
    [['spec.http[0].route[1].weight', /^expected a number, got a string$/]],
  ],
  ['schema', 'bookinfo reviews 80/20', REVIEWS_80_20, bookinfo, []],

  [
    'weights-not-100',
    '70/20',
    vs('reviews', 'bookinfo', weighted('reviews', [70, 20])),
    bookinfo,
    [['spec.http[0].route', /^the weights sum to 90 \(70 \+ 20\), not 100$/]],
  ],
  [
    'weights-not-100',
    'one destination at 50',
    vs('reviews', 'bookinfo', weighted('reviews', [50])),
    bookinfo,
    [['spec.http[0].route', /sum to 50/]],
  ],
  ['weights-not-100', 'bookinfo reviews 80/20', REVIEWS_80_20, bookinfo, []],
  ['weights-not-100', 'one destination without a weight (bookinfo all-v1)', DETAILS_ALL_V1, bookinfo, []],

  [
    'subset-missing',
    'subset v4 of reviews',
    vs('reviews', 'bookinfo', weighted('reviews', [0, 0, 0, 100])),
    bookinfo,
    [
      [
        'spec.http[0].route[3].destination.subset',
        /^subset v4 of reviews is not defined \(DestinationRule bookinfo\/reviews defines v1, v2, v3\): its requests fail with 503/,
      ],
    ],
  ],
  [
    'subset-missing',
    'details v1 with no DestinationRule for details',
    DETAILS_ALL_V1,
    onlyReviewsRule,
    [['spec.http[0].route[0].destination.subset', /no DestinationRule for host details defines subsets/]],
  ],
  ['subset-missing', 'bookinfo reviews test-v2 (v1, v2 defined)', REVIEWS_TEST_V2, bookinfo, []],

  [
    'host-unknown',
    'a misspelt host, reported once',
    vs('reviews2', 'bookinfo', {
      hosts: ['reviews2'],
      http: [{ route: [{ destination: { host: 'reviews2' } }] }],
    }),
    bookinfo,
    [
      [
        'spec.hosts[0]',
        /^host reviews2 \(read as reviews2\.bookinfo\.svc\.cluster\.local\) matches no Service or ServiceEntry$/,
      ],
    ],
  ],
  [
    'host-unknown',
    'a DestinationRule for ratingz',
    destinationRule('ratingz', 'bookinfo', { host: 'ratingz' }),
    bookinfo,
    [['spec.host', /host ratingz/]],
  ],
  [
    'host-unknown',
    'a ServiceEntry host and a Service in another namespace',
    vs('out', 'bookinfo', {
      hosts: ['api.stripe.com'],
      http: [{ route: [{ destination: { host: 'api.payments' } }] }],
    }),
    bookinfo,
    [],
  ],
  ['host-unknown', 'bookinfo reviews DestinationRule', DR_REVIEWS, bookinfo, []],

  [
    'vs-no-waypoint',
    'payments/api: ambient without a waypoint',
    vs('api', 'payments', {
      hosts: ['api'],
      http: [{ timeout: '2s', route: [{ destination: { host: 'api' } }] }],
    }),
    bookinfo,
    [
      [
        'spec.hosts[0]',
        /^no waypoint serves service payments\/api \(no istio\.io\/use-waypoint label\): in ambient a VirtualService takes effect only in a waypoint/,
      ],
    ],
  ],
  ['vs-no-waypoint', 'bookinfo reviews behind the namespace waypoint', REVIEWS_80_20, bookinfo, []],
  [
    'vs-no-waypoint',
    'legacy/inventory on sidecars',
    vs('inventory', 'legacy', {
      hosts: ['inventory'],
      http: [{ route: [{ destination: { host: 'inventory' } }] }],
    }),
    bookinfo,
    [],
  ],

  [
    'vs-sourcelabels-at-waypoint',
    'sourceLabels for reviews',
    vs('reviews', 'bookinfo', sourceLabelsMatch),
    bookinfo,
    [
      [
        'spec.http[0].match[0].sourceLabels',
        /^waypoint bookinfo\/waypoint serves service bookinfo\/reviews and ignores sourceLabels: this match applies to every client through it \(sidecar clients bypass it and honour sourceLabels\)$/,
      ],
    ],
  ],
  [
    'vs-sourcelabels-at-waypoint',
    'sourceLabels for payments/api (no waypoint)',
    vs('api', 'payments', { ...sourceLabelsMatch, hosts: ['api'] }),
    bookinfo,
    [],
  ],

  [
    'vs-and-httproute',
    'reviews 80/20 beside the reviews HTTPRoute',
    REVIEWS_80_20,
    withRoute,
    [['spec.hosts[0]', /^HTTPRoute bookinfo\/reviews also routes host reviews: .*undefined behaviour/]],
  ],
  [
    'vs-and-httproute',
    'the reviews HTTPRoute beside reviews 80/20',
    ROUTE_REVIEWS_90_10,
    withVs,
    [['spec.parentRefs[0]', /^VirtualService bookinfo\/reviews also routes service bookinfo\/reviews/]],
  ],
  ['vs-and-httproute', 'the ingress HTTPRoute (a Gateway parent)', ROUTE_INGRESS, withVs, []],
  ['vs-and-httproute', 'reviews 80/20 alone', REVIEWS_80_20, bookinfo, []],
];
