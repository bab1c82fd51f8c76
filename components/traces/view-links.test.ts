import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '@/lib/view-state';
import { graphHref, traceHref } from './view-links';

const id = '0af7651916cd43dd8448eb211c80319c';

describe('links from the traces pages', () => {
  it('keep the shell namespaces and window', () => {
    const view = { ...DEFAULT_VIEW, namespaces: ['bookinfo'], window: '15m' as const };
    expect(traceHref(id, view)).toBe(`/traces/${id}?ns=bookinfo&window=15m`);
    expect(graphHref(id, view)).toBe(`/graph?trace=${id}&ns=bookinfo&window=15m`);
  });

  it('stay short for the default view', () => {
    expect(traceHref(id, DEFAULT_VIEW)).toBe(`/traces/${id}`);
    expect(graphHref(id, DEFAULT_VIEW)).toBe(`/graph?trace=${id}`);
  });

  it('escape a base64 trace ID', () => {
    expect(traceHref('Cvdl+RbNQ91/SOshHIAxnA==', DEFAULT_VIEW)).toBe(
      '/traces/Cvdl%2BRbNQ91%2FSOshHIAxnA%3D%3D',
    );
  });
});
