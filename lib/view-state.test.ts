import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readViewState, writeViewState } from './view-state';

describe('view state in the URL', () => {
  it('round-trips namespaces, window and refresh', () => {
    const view = { namespaces: ['bookinfo', 'default'], window: '1h', refresh: 'off' } as const;
    const params = writeViewState(new URLSearchParams('tab=edges'), {
      ...view,
      namespaces: [...view.namespaces],
    });
    expect(params.toString()).toBe('tab=edges&ns=bookinfo%2Cdefault&window=1h&refresh=off');
    expect(readViewState(params)).toEqual(view);
  });

  it('omits defaults so that links stay short', () => {
    expect(writeViewState(new URLSearchParams('ns=a&window=1h'), DEFAULT_VIEW).toString()).toBe('');
  });

  it('drops invalid namespaces and unknown windows instead of failing', () => {
    const view = readViewState(
      new URLSearchParams('ns=ok,Bad_Name,a"}or vector(1)#,ok&window=7m&refresh=2s'),
    );
    expect(view).toEqual({ namespaces: ['ok'], window: DEFAULT_VIEW.window, refresh: DEFAULT_VIEW.refresh });
  });
});
