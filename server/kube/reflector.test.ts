import { describe, expect, it } from 'vitest';
import type { ServedKind } from '@/lib/kube/discovery';
import { watchedKind } from '@/lib/kube/kinds';
import type { KubeObject } from '@/lib/kube/object';
import { SourceError } from '@/lib/source-error';
import type { ListResult, ListWatchClient, WatchEvent, WatchOutcome } from './list-watch';
import { Reflector } from './reflector';
import type { StoreChange } from './store';

const pods: ServedKind = { ...watchedKind('pods'), servedVersion: 'v1', apiVersion: 'v1' };
const pod = (name: string, rv: string): KubeObject => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
});
const fast = { initialMs: 20, maxMs: 200, jitter: 0 };

type WatchScript = (rv: string, emit: (e: WatchEvent) => void, signal: AbortSignal) => Promise<WatchOutcome>;

/** A scripted list/watch: each call takes the next script, the last one repeats. */
function fakeClient(
  lists: (() => Promise<ListResult>)[],
  watches: WatchScript[],
): ListWatchClient & { log: string[] } {
  const log: string[] = [];
  let l = 0;
  let w = 0;
  return {
    log,
    list: () => {
      log.push('list');
      return (lists[Math.min(l++, lists.length - 1)] as () => Promise<ListResult>)();
    },
    watch: (rv, emit, signal) => {
      log.push(`watch@${rv}`);
      return (watches[Math.min(w++, watches.length - 1)] as WatchScript)(rv, emit, signal);
    },
  };
}

const untilAborted: WatchScript = (_rv, _emit, signal) =>
  new Promise((resolve) => signal.addEventListener('abort', () => resolve({ error: null }), { once: true }));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

function start(client: ListWatchClient): { reflector: Reflector; changes: StoreChange[] } {
  const changes: StoreChange[] = [];
  const reflector = new Reflector({
    kind: pods,
    client,
    backoff: fast,
    onChange: (c) => changes.push(c),
    onState: () => {},
  });
  reflector.start();
  return { reflector, changes };
}

describe('Reflector', () => {
  it('lists, then applies watch events from the list resourceVersion', async () => {
    const client = fakeClient(
      [async () => ({ items: [pod('a', '1')], resourceVersion: '10' })],
      [
        async (_rv, emit, signal) => {
          emit({ type: 'ADDED', object: pod('b', '11') });
          emit({ type: 'MODIFIED', object: pod('a', '12') });
          emit({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '13' } } });
          return untilAborted('', emit, signal);
        },
      ],
    );
    const { reflector, changes } = start(client);
    await until(() => changes.length === 3, 'three changes');
    expect(reflector.synced).toBe(true);
    expect(changes.map((c) => `${c.type} ${c.object.metadata.name}`)).toEqual([
      'added a',
      'added b',
      'modified a',
    ]);
    expect(reflector.store.get('ns', 'a')?.apiVersion).toBe('v1');
    expect(client.log).toEqual(['list', 'watch@10']);
    await reflector.stop();
    expect(reflector.state).toBe('stopped');
  });

  it('re-lists after a 410 Expired event and reports what vanished meanwhile', async () => {
    const client = fakeClient(
      [
        async () => ({ items: [pod('a', '1'), pod('b', '2')], resourceVersion: '2' }),
        async () => ({ items: [pod('a', '1')], resourceVersion: '50' }),
      ],
      [
        async (_rv, emit) => {
          emit({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
          return { error: null };
        },
        untilAborted,
      ],
    );
    const { reflector, changes } = start(client);
    await until(() => client.log.length === 4, 'the second watch');
    expect(client.log).toEqual(['list', 'watch@2', 'list', 'watch@50']);
    expect(changes.at(-1)).toMatchObject({ type: 'deleted', object: { metadata: { name: 'b' } } });
    expect(reflector.relists).toBe(1);
    await reflector.stop();
  });

  it('reconnects from the last resourceVersion after a dropped watch, recording the error meanwhile', async () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
    });
    const client = fakeClient(
      [async () => ({ items: [], resourceVersion: '5' })],
      [
        async (_rv, emit) => {
          emit({ type: 'ADDED', object: pod('a', '6') });
          return { error: refused };
        },
        async () => ({ error: refused }),
        untilAborted,
      ],
    );
    const { reflector } = start(client);
    await until(() => reflector.lastError !== null, 'an error');
    expect(reflector.lastError?.kind).toBe('unreachable');
    await until(() => client.log.length === 4, 'the third watch');
    expect(client.log).toEqual(['list', 'watch@5', 'watch@6', 'watch@6']);
    await reflector.stop();
  });

  it('backs off instead of re-listing in a loop when every watch answers 410 at once', async () => {
    const gone = Object.assign(new Error('Gone'), { statusCode: 410 });
    const client = fakeClient(
      [async () => ({ items: [], resourceVersion: '1' })],
      [async () => ({ error: gone })],
    );
    const { reflector } = start(client);
    await new Promise((r) => setTimeout(r, 400));
    await reflector.stop();
    // Without backoff this would be thousands of rounds; with 20, 40, 80, 160 ms delays it is a handful.
    const lists = client.log.filter((entry) => entry === 'list').length;
    expect(lists).toBeGreaterThanOrEqual(3);
    expect(lists).toBeLessThan(10);
  });

  it('retries a failing list with backoff and ends as missing when the kind is gone (404)', async () => {
    const notFound = new SourceError('kubernetes', 'not_found', 'gone', { status: 404 });
    const unavailable = new SourceError('kubernetes', 'unavailable', 'busy', { status: 503 });
    const client = fakeClient(
      [() => Promise.reject(unavailable), () => Promise.reject(notFound)],
      [untilAborted],
    );
    const { reflector } = start(client);
    await until(() => reflector.state === 'missing', 'missing');
    expect(client.log).toEqual(['list', 'list']);
    expect(reflector.lastError?.kind).toBe('not_found');
    await reflector.stop();
  });

  it('does not open a watch when stopped during the list', async () => {
    let release: (r: ListResult) => void = () => {};
    const client = fakeClient([() => new Promise((resolve) => (release = resolve))], [untilAborted]);
    const { reflector } = start(client);
    await until(() => client.log.length === 1, 'the list');
    const stopping = reflector.stop();
    release({ items: [pod('a', '1')], resourceVersion: '1' });
    await stopping;
    expect(client.log).toEqual(['list']);
    expect(reflector.store.size).toBe(0);
  });
});
