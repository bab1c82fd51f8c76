import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { spanRows } from '@/lib/traces/span-tree';
import { generateTrace } from './__fixtures__/generate-trace';
import { SpanDetails } from './span-details';
import { Waterfall } from './waterfall';
import { ROW_HEIGHT } from './waterfall-row';

function count(html: string, needle: string): number {
  return html.split(needle).length - 1;
}

describe('Waterfall', () => {
  it('renders a 10,000-span trace as a handful of rows with spacers for the rest', () => {
    const trace = generateTrace(10_000);
    const rows = spanRows(trace);
    const html = renderToStaticMarkup(
      <Waterfall trace={trace} rows={rows} selectedId={null} onSelect={() => undefined} />,
    );
    const rendered = count(html, 'data-testid="span-row"');
    // Before the viewport is measured: one row plus the overscan.
    expect(rendered).toBe(11);
    expect(html).toContain(`height:${(10_000 - rendered) * ROW_HEIGHT}px`);
  });

  it('marks failing, critical-path and waypoint spans on their rows', () => {
    const trace = generateTrace(14, 13);
    const html = renderToStaticMarkup(
      <Waterfall trace={trace} rows={spanRows(trace)} selectedId={null} onSelect={() => undefined} />,
    );
    // The root is span 0, a waypoint span (every 13th) and on the critical path (the path starts at the root).
    expect(html).toMatch(
      /data-span-id="0000000000000000" data-error="false" data-critical="true" data-waypoint="true"/,
    );
    expect(count(html, 'data-testid="waypoint-badge"')).toBeGreaterThanOrEqual(1);
  });
});

describe('SpanDetails', () => {
  it('explains the Istio attributes and lists every attribute sorted by key', () => {
    const trace = generateTrace(98);
    const failing = trace.spans[97];
    if (!failing) throw new Error('fixture has no span 97');
    const html = renderToStaticMarkup(<SpanDetails span={failing} traceStartMs={trace.startMs} />);
    expect(html).toContain('data-testid="span-details"');
    expect(html).toContain('UF: Upstream connection failure in addition to 503 response code.');
    expect(html).toContain('upstream connect error');
    const keys = [...html.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(keys.slice(0, 2)).toEqual(['http.status_code', 'response_flags']);
  });
});
