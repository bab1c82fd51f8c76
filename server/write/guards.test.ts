import { describe, expect, it } from 'vitest';
import { mintCsrfToken } from './csrf';
import {
  checkContentType,
  checkSameOrigin,
  guardMutation,
  readCappedText,
  READ_ONLY_MESSAGE,
} from './guards';

const secret = Buffer.from('s'.repeat(32));
const now = Date.parse('2026-06-01T03:00:00Z');
const token = mintCsrfToken(secret, now);
const url = 'http://dashboard.test/api/write/apply';

function post(headers: Record<string, string>, body: BodyInit | null = '{}'): Request {
  return new Request(url, { method: 'POST', headers, body });
}

const good = {
  origin: 'http://dashboard.test',
  'content-type': 'application/json',
  'x-csrf-token': token,
  cookie: `meshlens-csrf=${token}`,
  'sec-fetch-site': 'same-origin',
};

describe('same origin', () => {
  it.each<[string, Record<string, string>, RegExp | undefined]>([
    ['own origin', { origin: 'http://dashboard.test' }, undefined],
    [
      'the origin a proxy forwarded',
      {
        origin: 'https://mesh.example.com',
        'x-forwarded-host': 'mesh.example.com',
        'x-forwarded-proto': 'https',
      },
      undefined,
    ],
    ['another origin', { origin: 'http://evil.test' }, /origin http:\/\/evil\.test/],
    ['no origin', {}, /without an Origin header/],
    ['a cross-site fetch', { origin: 'http://dashboard.test', 'sec-fetch-site': 'cross-site' }, /cross-site/],
    ['a same-site fetch', { origin: 'http://dashboard.test', 'sec-fetch-site': 'same-site' }, /same-site/],
  ])('%s', (_what, headers, message) => {
    const refusal = checkSameOrigin(post(headers));
    if (message === undefined) expect(refusal).toBeUndefined();
    else expect(refusal).toMatchObject({ status: 403, message: expect.stringMatching(message) as string });
  });
});

describe('content type and body', () => {
  it('wants JSON', () => {
    expect(checkContentType(post({ 'content-type': 'application/json; charset=utf-8' }))).toBeUndefined();
    expect(checkContentType(post({ 'content-type': 'text/plain' }))).toEqual({
      status: 415,
      message: 'send the body as Content-Type: application/json (got "text/plain")',
    });
  });

  it('stops reading a streamed body at the cap', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request(url, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(await readCappedText(request, 512 * 1024)).toEqual({
      status: 413,
      message: 'the request body is larger than 512 KiB (524288 bytes): send one object at a time',
    });
    expect(pulled).toBeLessThan(12);
  });

  it('refuses a declared length over the cap without reading', async () => {
    const request = post({ 'content-length': String(2 * 1024 * 1024) }, 'x');
    expect(await readCappedText(request)).toMatchObject({ status: 413 });
  });
});

describe('guardMutation', () => {
  const options = { readOnly: false, csrfSecret: secret, now: () => now };

  it('passes the parsed body of a good request', async () => {
    expect(await guardMutation(post(good, '{"a":1}'), options)).toEqual({ ok: true, body: { a: 1 } });
  });

  it.each<[string, Record<string, string>, string, number, RegExp]>([
    ['read-only mode', good, '{}', 403, new RegExp(READ_ONLY_MESSAGE.replace(/[()]/g, '\\$&'))],
    ['a missing token', { ...good, 'x-csrf-token': '' }, '{}', 403, /missing X-CSRF-Token/],
    [
      'form content',
      { ...good, 'content-type': 'application/x-www-form-urlencoded' },
      'a=1',
      415,
      /application\/json/,
    ],
    ['a body that is not JSON', good, '{a:1}', 400, /not JSON/],
  ])('refuses %s', async (what, headers, body, status, message) => {
    const result = await guardMutation(post(headers, body), {
      ...options,
      readOnly: what === 'read-only mode',
    });
    expect(result).toMatchObject({ ok: false, status, message: expect.stringMatching(message) as string });
  });
});
