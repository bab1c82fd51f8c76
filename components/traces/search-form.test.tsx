import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SearchForm } from './search-form';
import { draftFromSearch, readTraceSearch } from './search-state';

const noop = (): void => undefined;

function render(query: string, error: string | null = null, namespaces: string[] = []): string {
  const initial = draftFromSearch(readTraceSearch(new URLSearchParams(query)), namespaces);
  return renderToStaticMarkup(
    <SearchForm initial={initial} error={error} searching={false} onSubmit={noop} />,
  );
}

describe('SearchForm', () => {
  it('shows the TraceQL the fields will run', () => {
    const html = render('service=reviews.bookinfo&errors=true');
    expect(html).toContain('data-testid="trace-traceql-preview"');
    expect(html).toContain(
      '{ resource.service.name = &quot;reviews.bookinfo&quot; &amp;&amp; status = error }',
    );
  });

  it('pre-fills the namespace picked in the shell', () => {
    expect(render('', null, ['bookinfo'])).toMatch(
      /data-testid="trace-field-namespace"[^>]*value="bookinfo"/,
    );
  });

  it('opens a TraceQL link in the TraceQL box', () => {
    const html = render('q=%7B+status+%3D+error+%7D');
    expect(html).toMatch(/<textarea[^>]*data-testid="traceql-input"[^>]*>\{ status = error \}<\/textarea>/);
    expect(html).toContain('data-testid="trace-mode-traceql" aria-pressed="true"');
  });

  it('shows the server refusal next to the query as an alert', () => {
    const message = 'invalid TraceQL query: parse error at line 1, col 3: syntax error';
    const html = render('q=%7B+%3D+%7D', message);
    expect(html).toMatch(
      /data-testid="trace-search-error" role="alert"[^>]*>invalid TraceQL query: parse error/,
    );
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"/);
  });
});
