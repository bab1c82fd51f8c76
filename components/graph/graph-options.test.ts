import { describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_OPTIONS, readGraphOptions, writeGraphOptions } from './graph-options';

describe('graph options in the URL', () => {
  it('reads defaults from an empty query and writes nothing for them', () => {
    expect(readGraphOptions(new URLSearchParams())).toEqual(DEFAULT_GRAPH_OPTIONS);
    expect(writeGraphOptions(new URLSearchParams('ns=bookinfo'), DEFAULT_GRAPH_OPTIONS).toString()).toBe(
      'ns=bookinfo',
    );
  });

  it('round-trips every option and leaves the shell parameters alone', () => {
    const options = {
      graphType: 'app',
      layers: 'l7',
      showWaypoints: false,
      labelMode: 'errors',
      find: 'errorRate > 5%',
      hide: 'ns = legacy',
      animate: true,
      trace: '3149195ffb0bec05347b48efe8ecc1b0',
    } as const;
    const params = writeGraphOptions(new URLSearchParams('ns=bookinfo&window=1h'), options);
    expect(params.get('ns')).toBe('bookinfo');
    expect(params.get('window')).toBe('1h');
    expect(readGraphOptions(params)).toEqual(options);
  });

  it('falls back to defaults for values it does not know', () => {
    const read = readGraphOptions(new URLSearchParams('type=pods&layers=l9&label=bogus&anim=yes'));
    expect(read).toEqual(DEFAULT_GRAPH_OPTIONS);
  });
});
