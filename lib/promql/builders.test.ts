import { describe, expect, it } from 'vitest';
import type { LabelMatcher } from '@/lib/metrics/types';
import { COUNTER_LABEL, histogramQuantile, selector, sumByRate } from './builders';
import { anyOfRegex } from './escape';

const UNESCAPE: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r' };

/**
 * Reads a selector back the way the PromQL lexer would: `name{label op "string", …}` and nothing after it. If an
 * injected value could close the string or the braces, the parse would fail or find extra matchers.
 */
function parseSelector(text: string): { metric: string; matchers: LabelMatcher[] } {
  const head = /^([a-zA-Z_:][a-zA-Z0-9_:]*)?(\{|$)/.exec(text);
  if (head === null) throw new Error(`not a selector: ${text}`);
  const metric = head[1] ?? '';
  const matchers: LabelMatcher[] = [];
  let i = head[0].length;
  if (head[2] !== '{') return { metric, matchers };
  while (text[i] !== '}') {
    const m = /^([a-zA-Z_][a-zA-Z0-9_]*)(=~|!~|!=|=)"/.exec(text.slice(i));
    if (m === null || m[1] === undefined) throw new Error(`bad matcher at ${i}: ${text.slice(i)}`);
    i += m[0].length;
    let value = '';
    for (; text[i] !== '"'; i++) {
      if (i >= text.length || text[i] === '\n') throw new Error('unterminated string');
      if (text[i] === '\\') {
        const next = UNESCAPE[text[++i] ?? ''];
        if (next === undefined) throw new Error(`unknown escape at ${i}`);
        value += next;
      } else value += text[i];
    }
    matchers.push({ label: m[1], op: m[2] as LabelMatcher['op'], value });
    i++;
    if (text[i] === ',') i++;
  }
  if (i !== text.length - 1) throw new Error(`trailing text after selector: ${text.slice(i + 1)}`);
  return { metric, matchers };
}

const injection = 'a"}or vector(1)#';

describe('selector', () => {
  it('writes matchers in order, each value quoted', () => {
    const match: LabelMatcher[] = [
      { label: 'reporter', op: '=', value: 'waypoint' },
      { label: 'response_code', op: '!~', value: '2..' },
    ];
    expect(selector('istio_requests_total', match)).toBe(
      'istio_requests_total{reporter="waypoint",response_code!~"2.."}',
    );
    expect(selector('up', [])).toBe('up');
  });

  it('keeps an injected namespace inside its string: the query still selects by one exact value', () => {
    const match: LabelMatcher[] = [{ label: 'destination_workload_namespace', op: '=', value: injection }];
    expect(parseSelector(selector('istio_requests_total', match))).toEqual({
      metric: 'istio_requests_total',
      matchers: match,
    });
  });

  it('survives backslashes, quotes and newlines in every operator', () => {
    const value = 'x\\"}\n\\\r,y="z"';
    const match = (['=', '!=', '=~', '!~'] as const).map((op) => ({ label: 'l', op, value }));
    expect(parseSelector(selector('m', match)).matchers).toEqual(match);
  });

  it('keeps regex metacharacters literal through both quoting layers', () => {
    const values = ['v1.2+(beta)|*', 'x\\d'];
    const sel = parseSelector(selector('m', [{ label: 'version', op: '=~', value: anyOfRegex(values) }]));
    const re = new RegExp(`^(?:${sel.matchers[0]?.value ?? ''})$`, 'u');
    for (const yes of values) expect(re.test(yes)).toBe(true);
    for (const no of ['v1x2+(beta)|*', 'v1.22(beta)', 'x5', '', '*']) expect(re.test(no)).toBe(false);
  });

  it('selects a metric named like a keyword through __name__', () => {
    expect(selector('sum', [{ label: 'a', op: '=', value: 'b' }])).toBe('{__name__="sum",a="b"}');
    expect(selector('on', [])).toBe('{__name__="on"}');
  });

  it('refuses invalid metric names, label names and operators instead of pasting them', () => {
    expect(() => selector('up or vector(1)', [])).toThrow(RangeError);
    expect(() => selector('up', [{ label: 'a="b"} or vector(1) #', op: '=', value: 'x' }])).toThrow(
      RangeError,
    );
    const badOp = { label: 'a', op: '=="x"} or vector(1) #', value: '' } as unknown as LabelMatcher;
    expect(() => selector('up', [badOp])).toThrow(/invalid match operator/);
  });
});

describe('sumByRate', () => {
  it('sums rates by the given labels over the window', () => {
    const expr = sumByRate({
      metric: 'istio_requests_total',
      by: ['source_workload', 'destination_workload'],
      match: [{ label: 'reporter', op: '=', value: 'waypoint' }],
      windowSeconds: 300,
    });
    expect(expr).toBe(
      'sum by (source_workload, destination_workload) (rate(istio_requests_total{reporter="waypoint"}[5m]))',
    );
  });

  it('sums everything into one series when by is empty', () => {
    expect(sumByRate({ metric: 'up', by: [], match: [], windowSeconds: 90 })).toBe('sum(rate(up[1m30s]))');
  });

  it('keeps an injected value inside the selector', () => {
    const match: LabelMatcher[] = [{ label: 'namespace', op: '=', value: injection }];
    const expr = sumByRate({ metric: 'istio_requests_total', by: ['pod'], match, windowSeconds: 60 });
    const inner = /^sum by \(pod\) \(rate\((.*)\[1m\]\)\)$/s.exec(expr)?.[1] ?? '';
    expect(parseSelector(inner).matchers).toEqual(match);
  });

  it('refuses an invalid group label or window', () => {
    expect(() => sumByRate({ metric: 'up', by: ['a) or vector(1'], match: [], windowSeconds: 60 })).toThrow(
      RangeError,
    );
    expect(() => sumByRate({ metric: 'up', by: [], match: [], windowSeconds: 0 })).toThrow(RangeError);
  });

  it('sums several counters per group, each rate labelled with its name so that or keeps both', () => {
    const expr = sumByRate({
      metric: ['istio_tcp_sent_bytes_total', 'istio_tcp_received_bytes_total'],
      by: ['destination_workload'],
      match: [{ label: 'reporter', op: '=', value: 'destination' }],
      windowSeconds: 60,
    });
    expect(expr).toBe(
      'sum by (destination_workload) (' +
        'label_replace(rate(istio_tcp_sent_bytes_total{reporter="destination"}[1m]), ' +
        `"${COUNTER_LABEL}", "istio_tcp_sent_bytes_total", "", "") or ` +
        'label_replace(rate(istio_tcp_received_bytes_total{reporter="destination"}[1m]), ' +
        `"${COUNTER_LABEL}", "istio_tcp_received_bytes_total", "", ""))`,
    );
  });

  it('reads one counter named in a list, or named twice, as that counter alone', () => {
    const plain = sumByRate({ metric: 'up', by: [], match: [], windowSeconds: 60 });
    expect(sumByRate({ metric: ['up'], by: [], match: [], windowSeconds: 60 })).toBe(plain);
    expect(sumByRate({ metric: ['up', 'up'], by: [], match: [], windowSeconds: 60 })).toBe(plain);
  });

  it('refuses an empty list of counters and an invalid name among them', () => {
    expect(() => sumByRate({ metric: [], by: [], match: [], windowSeconds: 60 })).toThrow(
      /at least one counter/,
    );
    expect(() =>
      sumByRate({ metric: ['up', 'up) or vector(1'], by: [], match: [], windowSeconds: 60 }),
    ).toThrow(RangeError);
  });

  it('joins the counters inside each alternative, and the alternatives outside', () => {
    const anyOf: LabelMatcher[][] = [
      [{ label: 'a', op: '=', value: 'x' }],
      [{ label: 'b', op: '=', value: 'x' }],
    ];
    const expr = sumByRate({ metric: ['m1', 'm2'], by: ['a', 'b'], match: [], anyOf, windowSeconds: 60 });
    const branches = expr.split(/(?<=\)\)) or (?=sum)/);
    expect(branches).toHaveLength(2);
    expect(branches[0]).toMatch(
      /^sum by \(a, b\) \(label_replace\(rate\(m1\{a="x"\}\[1m\]\).* or label_replace\(rate\(m2\{a="x"\}/,
    );
    expect(branches[1]).toMatch(
      /^sum by \(a, b\) \(label_replace\(rate\(m1\{b="x"\}\[1m\]\).* or label_replace\(rate\(m2\{b="x"\}/,
    );
  });
});

describe('histogramQuantile', () => {
  const base = { metric: 'istio_request_duration_milliseconds', match: [], windowSeconds: 60 };

  it('aggregates the _bucket series by le and the requested labels', () => {
    expect(histogramQuantile({ ...base, quantile: 0.95, by: ['destination_workload', 'le'] })).toBe(
      'histogram_quantile(0.95, sum by (le, destination_workload) ' +
        '(rate(istio_request_duration_milliseconds_bucket[1m])))',
    );
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses quantile %s', (quantile) => {
    expect(() => histogramQuantile({ ...base, quantile, by: [] })).toThrow(/invalid quantile/);
  });
});

describe('anyOf alternatives', () => {
  const namespaces = anyOfRegex(['bookinfo', 'pay.ments']);
  const anyOf: LabelMatcher[][] = [
    [{ label: 'destination_workload_namespace', op: '=~', value: namespaces }],
    [{ label: 'source_workload_namespace', op: '=~', value: namespaces }],
  ];
  const by = ['source_workload_namespace', 'destination_workload_namespace'];
  const match: LabelMatcher[] = [{ label: 'reporter', op: '=', value: 'waypoint' }];

  it('joins one sum per alternative with or, each selector carrying match and its alternative', () => {
    expect(sumByRate({ metric: 'istio_requests_total', by, match, anyOf, windowSeconds: 300 })).toBe(
      'sum by (source_workload_namespace, destination_workload_namespace) (rate(istio_requests_total' +
        '{reporter="waypoint",destination_workload_namespace=~"^(?:bookinfo|pay\\\\.ments)$"}[5m])) or ' +
        'sum by (source_workload_namespace, destination_workload_namespace) (rate(istio_requests_total' +
        '{reporter="waypoint",source_workload_namespace=~"^(?:bookinfo|pay\\\\.ments)$"}[5m]))',
    );
  });

  it('keeps le in every branch of a quantile, so that or joins buckets, not histograms', () => {
    const expr = histogramQuantile({ metric: 'd', quantile: 0.5, by, match: [], anyOf, windowSeconds: 60 });
    const branches = /^histogram_quantile\(0\.5, (.*)\)$/s.exec(expr)?.[1]?.split(' or ') ?? [];
    expect(branches).toHaveLength(2);
    for (const branch of branches) {
      expect(branch).toMatch(/^sum by \(le, source_workload_namespace, destination_workload_namespace\) /);
    }
  });

  it('keeps an injected value inside its selector in every branch', () => {
    const alternatives: LabelMatcher[][] = [
      [{ label: 'a', op: '=', value: injection }],
      [{ label: 'b', op: '=', value: injection }],
    ];
    const expr = sumByRate({
      metric: 'm',
      by: ['a', 'b'],
      match: [],
      anyOf: alternatives,
      windowSeconds: 60,
    });
    const inner = [...expr.matchAll(/rate\((.*?)\[1m\]\)/gs)].map((m) => parseSelector(m[1] ?? '').matchers);
    expect(inner).toEqual(alternatives);
  });

  it('refuses an alternative on a label outside by, and an empty list of alternatives', () => {
    expect(() => sumByRate({ metric: 'm', by: ['a'], match: [], anyOf, windowSeconds: 60 })).toThrow(
      /must be one of the by labels/,
    );
    expect(() => sumByRate({ metric: 'm', by: ['a'], match: [], anyOf: [], windowSeconds: 60 })).toThrow(
      /at least one alternative/,
    );
    // A match condition may use any label: only the alternatives must be grouped.
    expect(() => sumByRate({ metric: 'm', by, match, anyOf, windowSeconds: 60 })).not.toThrow();
  });
});
