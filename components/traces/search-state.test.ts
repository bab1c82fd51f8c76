import { describe, expect, it } from 'vitest';
import { buildTraceQL } from '@/lib/traces/traceql';
import {
  draftFilter,
  draftFromSearch,
  draftProblem,
  readTraceSearch,
  searchFromDraft,
  searchInput,
  searchKey,
  writeTraceSearch,
  type SearchDraft,
  type TraceSearchState,
} from './search-state';

const empty: TraceSearchState = {
  q: '',
  service: '',
  namespace: null,
  workload: '',
  errorsOnly: false,
  minDuration: '',
  maxDuration: '',
};

const draft = (change: Partial<SearchDraft>): SearchDraft => ({ ...draftFromSearch(empty, []), ...change });

describe('reading and writing the URL', () => {
  it('reads the graph page link: TraceQL with the shell window beside it', () => {
    const params = new URLSearchParams('q=%7B+status+%3D+error+%7D&window=15m');
    expect(readTraceSearch(params)).toEqual({ ...empty, q: '{ status = error }' });
  });

  it('round-trips every field and leaves the shell parameters alone', () => {
    const search: TraceSearchState = {
      q: '',
      service: 'reviews.bookinfo',
      namespace: 'bookinfo',
      workload: 'reviews-v1',
      errorsOnly: true,
      minDuration: '250ms',
      maxDuration: '1.5s',
    };
    const written = writeTraceSearch(new URLSearchParams('ns=bookinfo&window=15m&q=old'), search);
    expect(written.get('ns')).toBe('bookinfo');
    expect(written.get('window')).toBe('15m');
    expect(written.has('q')).toBe(false);
    expect(readTraceSearch(written)).toEqual(search);
  });

  it('writes TraceQL alone: stale fields would make the API refuse the search', () => {
    const written = writeTraceSearch(new URLSearchParams('service=a&errors=true'), {
      ...empty,
      q: ' {} ',
      service: 'ignored',
    });
    expect(written.toString()).toBe('q=%7B%7D');
  });

  it('keeps an explicitly cleared namespace apart from an absent one', () => {
    expect(searchKey({ ...empty, namespace: '' })).toBe('namespace=');
    expect(searchKey(empty)).toBe('');
    expect(readTraceSearch(new URLSearchParams('namespace=')).namespace).toBe('');
    expect(readTraceSearch(new URLSearchParams('')).namespace).toBeNull();
  });
});

describe('searchInput', () => {
  const view = { window: '15m', namespaces: ['bookinfo'] };

  it('searches the shell namespace when exactly one is picked and the field is not set', () => {
    expect(searchInput(empty, view).namespace).toBe('bookinfo');
    expect(searchInput(empty, { ...view, namespaces: ['a', 'b'] }).namespace).toBe('');
  });

  it('searches every namespace when the person cleared the field', () => {
    expect(searchInput({ ...empty, namespace: '' }, view).namespace).toBe('');
  });

  it('sends TraceQL without any field, so that the API does not refuse the mix', () => {
    expect(searchInput({ ...empty, q: '{ x }', service: 'a' }, view)).toEqual({ q: '{ x }', window: '15m' });
  });
});

describe('the form', () => {
  it('opens in TraceQL mode for a TraceQL link and pre-fills the shell namespace otherwise', () => {
    expect(draftFromSearch({ ...empty, q: '{}' }, []).mode).toBe('traceql');
    expect(draftFromSearch(empty, ['bookinfo'])).toMatchObject({ mode: 'fields', namespace: 'bookinfo' });
  });

  it('builds the filter the preview shows as TraceQL', () => {
    const result = draftFilter(
      draft({ service: ' reviews.bookinfo ', errorsOnly: true, minDuration: '250ms', maxDuration: '1.5s' }),
    );
    expect(result).toEqual({
      filter: { service: 'reviews.bookinfo', errorsOnly: true, minDurationMs: 250, maxDurationMs: 1_500 },
    });
    if ('filter' in result) {
      expect(buildTraceQL(result.filter)).toBe(
        '{ resource.service.name = "reviews.bookinfo" && status = error && duration >= 250ms && duration <= 1500ms }',
      );
    }
  });

  it('refuses a duration it cannot read, naming the field', () => {
    expect(draftProblem(draft({ minDuration: '250' }))).toEqual({
      field: 'minDuration',
      message: 'Min duration: write a duration such as 250ms or 1.5s',
    });
  });

  it('refuses a max duration shorter than the min duration', () => {
    expect(draftProblem(draft({ minDuration: '2s', maxDuration: '500ms' }))?.field).toBe('maxDuration');
    expect(draftProblem(draft({ minDuration: '500ms', maxDuration: '2s' }))).toBeNull();
  });

  it('refuses TraceQL longer than the API accepts, and ignores bad fields in TraceQL mode', () => {
    expect(draftProblem(draft({ mode: 'traceql', q: 'x'.repeat(4_001) }))?.field).toBe('q');
    expect(draftProblem(draft({ mode: 'traceql', q: '{}', minDuration: 'junk' }))).toBeNull();
  });
});

describe('searchFromDraft', () => {
  it('drops the fields in TraceQL mode', () => {
    expect(searchFromDraft(draft({ mode: 'traceql', q: ' {} ', service: 'a' }), [])).toEqual({
      ...empty,
      q: '{}',
    });
  });

  it('keeps the shell namespace implicit so that the search follows the shell', () => {
    expect(searchFromDraft(draft({ namespace: 'bookinfo' }), ['bookinfo']).namespace).toBeNull();
    expect(searchFromDraft(draft({ namespace: 'other' }), ['bookinfo']).namespace).toBe('other');
  });

  it('writes a cleared namespace as every namespace only when the shell would fill it again', () => {
    expect(searchFromDraft(draft({ namespace: '' }), ['bookinfo']).namespace).toBe('');
    expect(searchFromDraft(draft({ namespace: '' }), []).namespace).toBeNull();
  });
});
