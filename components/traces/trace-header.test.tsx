import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '@/lib/view-state';
import { generateTrace } from './__fixtures__/generate-trace';
import { TraceHeader } from './trace-header';

describe('TraceHeader', () => {
  const trace = generateTrace(200);
  const view = { ...DEFAULT_VIEW, namespaces: ['bookinfo'], window: '15m' as const };

  it('links to the graph with the trace, keeping the shell view', () => {
    const html = renderToStaticMarkup(<TraceHeader trace={trace} view={view} />);
    expect(html).toContain(`href="/graph?trace=${trace.traceId}&amp;ns=bookinfo&amp;window=15m"`);
    expect(html).toMatch(/data-testid="trace-span-count"[^>]*>200</);
    expect(html).toMatch(/data-testid="trace-error-count"[^>]*>2</);
    expect(html).not.toContain('trace-partial');
  });

  it('warns that a partial trace is missing spans, in the backend words', () => {
    const partial = { ...trace, partial: true, partialReason: 'trace exceeds max size (max bytes: 5000000)' };
    const html = renderToStaticMarkup(<TraceHeader trace={partial} view={view} />);
    expect(html).toMatch(/data-testid="trace-partial"[^]*trace exceeds max size \(max bytes: 5000000\)/);
  });
});
