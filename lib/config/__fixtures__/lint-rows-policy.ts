/** The lint table's rows for the AuthorizationPolicy rules. */
import { BOOKINFO as bookinfo, REVIEWS_TARGET as reviewsTarget, type LintRow } from './lint-row';
import { AP_PRODUCTPAGE_ZTUNNEL, AP_REVIEWS_VIEWER, authorizationPolicy as ap, rule } from './objects';

const GET = { methods: ['GET'] };
const fromProductpage = { principals: ['cluster.local/ns/bookinfo/sa/bookinfo-productpage'] };

export const POLICY_ROWS: LintRow[] = [
  [
    'ap-l7-at-ztunnel',
    'ALLOW GET on ratings with a selector',
    ap('ratings-get', 'bookinfo', {
      selector: { matchLabels: { app: 'ratings' } },
      rules: [rule(fromProductpage, GET)],
    }),
    bookinfo,
    [
      [
        'spec.rules[0]',
        /it applies to workloads with app=ratings\) .*L7 fields \(to\[0\]\.operation\.methods\): in an ALLOW policy ztunnel drops the whole rule: it never matches/,
      ],
    ],
  ],
  [
    'ap-l7-at-ztunnel',
    'namespace-wide DENY of /admin from legacy',
    ap('deny-admin', 'payments', {
      action: 'DENY',
      rules: [rule({ namespaces: ['legacy'] }, { paths: ['/admin*'] })],
    }),
    bookinfo,
    [
      [
        'spec.rules[0]',
        /applies to namespace payments\) .*\(to\[0\]\.operation\.paths\): in a DENY policy ztunnel strips the L7 parts and enforces the rest/,
      ],
    ],
  ],
  [
    'ap-l7-at-ztunnel',
    'the same ALLOW rule bound to the waypoint (targetRefs)',
    AP_REVIEWS_VIEWER,
    bookinfo,
    [],
  ],
  ['ap-l7-at-ztunnel', 'an L4-only selector policy', AP_PRODUCTPAGE_ZTUNNEL, bookinfo, []],
  [
    'ap-l7-at-ztunnel',
    'L7 fields on sidecar workloads',
    ap('inventory-get', 'legacy', {
      selector: { matchLabels: { app: 'inventory' } },
      rules: [rule(undefined, GET)],
    }),
    bookinfo,
    [],
  ],

  [
    'ap-selector-behind-waypoint',
    'principals on productpage, behind the waypoint',
    AP_PRODUCTPAGE_ZTUNNEL,
    bookinfo,
    [
      [
        'spec.selector',
        /^workloads with app=productpage are behind waypoint bookinfo\/waypoint: .*identity \(cluster\.local\/ns\/bookinfo\/sa\/waypoint\), not the caller's, so principals here/,
      ],
    ],
  ],
  [
    'ap-selector-behind-waypoint',
    'namespaces on payments/api (no waypoint)',
    ap('api-from-legacy', 'payments', {
      selector: { matchLabels: { app: 'api' } },
      rules: [rule({ namespaces: ['legacy'] })],
    }),
    bookinfo,
    [],
  ],
  [
    'ap-selector-behind-waypoint',
    "a rule that names the waypoint's identity on purpose",
    ap('from-waypoint', 'bookinfo', {
      selector: { matchLabels: { app: 'ratings' } },
      rules: [rule({ principals: ['cluster.local/ns/bookinfo/sa/waypoint'] })],
    }),
    bookinfo,
    [],
  ],
  ['ap-selector-behind-waypoint', 'targetRefs to the waypoint', AP_REVIEWS_VIEWER, bookinfo, []],

  [
    'ap-selector-and-targetrefs',
    'both',
    ap('both', 'bookinfo', { selector: { matchLabels: { app: 'reviews' } }, targetRefs: reviewsTarget }),
    bookinfo,
    [['spec.targetRefs', /^selector and targetRefs together/]],
  ],
  ['ap-selector-and-targetrefs', 'targetRefs only', AP_REVIEWS_VIEWER, bookinfo, []],

  [
    'ap-principal-unknown',
    'a misspelt principal and service account',
    ap('typo', 'bookinfo', {
      targetRefs: reviewsTarget,
      rules: [
        rule({
          principals: ['cluster.local/ns/bookinfo/sa/bookinfo-productpag'],
          serviceAccounts: ['bookinfo-revews'],
        }),
      ],
    }),
    bookinfo,
    [
      [
        'spec.rules[0].from[0].source.principals[0]',
        /^cluster\.local\/ns\/bookinfo\/sa\/bookinfo-productpag matches no service account seen on a pod/,
      ],
      ['spec.rules[0].from[0].source.serviceAccounts[0]', /^bookinfo-revews matches no service account/],
    ],
  ],
  [
    'ap-principal-unknown',
    'a source.principal condition in another trust domain',
    ap('td', 'bookinfo', {
      targetRefs: reviewsTarget,
      rules: [
        rule(undefined, undefined, [
          { key: 'source.principal', values: ['example.org/ns/bookinfo/sa/bookinfo-productpage'] },
        ]),
      ],
    }),
    bookinfo,
    [['spec.rules[0].when[0].values[0]', /^example\.org\//]],
  ],
  [
    'ap-principal-unknown',
    'a prefix, a SPIFFE URI and ns/sa',
    ap('ok', 'bookinfo', {
      targetRefs: reviewsTarget,
      rules: [
        rule({
          principals: ['cluster.local/ns/legacy/*', 'spiffe://cluster.local/ns/payments/sa/payments-api'],
          serviceAccounts: ['bookinfo/bookinfo-reviews'],
        }),
      ],
    }),
    bookinfo,
    [],
  ],

  [
    'ap-namespace-unknown',
    'a misspelt namespace, in a field and a condition',
    ap('typo', 'bookinfo', {
      targetRefs: reviewsTarget,
      rules: [rule({ namespaces: ['payment'] }, undefined, [{ key: 'source.namespace', values: ['legcy'] }])],
    }),
    bookinfo,
    [
      [
        'spec.rules[0].from[0].source.namespaces[0]',
        /^namespace payment matches no namespace of the cluster$/,
      ],
      ['spec.rules[0].when[0].values[0]', /^namespace legcy matches/],
    ],
  ],
  [
    'ap-namespace-unknown',
    'existing namespaces and a prefix',
    ap('ok', 'bookinfo', { targetRefs: reviewsTarget, rules: [rule({ namespaces: ['legacy', 'pay*'] })] }),
    bookinfo,
    [],
  ],
];
