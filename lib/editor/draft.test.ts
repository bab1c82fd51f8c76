import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_LENGTH, decodeDraft, encodeDraft } from './draft';
import { editHref, parseEditParams } from './edit-params';

const POLICY = {
  apiVersion: 'security.istio.io/v1',
  kind: 'AuthorizationPolicy',
  metadata: { name: 'deny-ratings-from-legacy', namespace: 'bookinfo' },
  spec: { action: 'DENY', rules: [{ from: [{ source: { namespaces: ['légacy'] } }] }] },
};

describe('draft', () => {
  it('round-trips an object, UTF-8 included, in URL-safe text', () => {
    const encoded = encodeDraft(POLICY);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDraft(encoded)).toEqual({ ok: true, object: POLICY });
  });

  it('accepts padding and standard base64url from other encoders', () => {
    const json = JSON.stringify({ ...POLICY, spec: { action: 'DENY' } });
    const padded = Buffer.from(json).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    expect(padded).toMatch(/=$/);
    expect(decodeDraft(padded)).toMatchObject({ ok: true, object: { spec: { action: 'DENY' } } });
    expect(decodeDraft(Buffer.from(JSON.stringify(POLICY)).toString('base64url'))).toEqual({
      ok: true,
      object: POLICY,
    });
  });

  it.each([
    ['not base64url', 'a+b/c', 'it is not base64url'],
    ['not JSON', Buffer.from('kind: x').toString('base64url'), 'it is not JSON'],
    ['a list', Buffer.from('[1]').toString('base64url'), 'it is not one object'],
    ['no kind', Buffer.from('{"apiVersion":"v1","metadata":{}}').toString('base64url'), 'it has no kind'],
    [
      'no metadata',
      Buffer.from('{"apiVersion":"v1","kind":"X"}').toString('base64url'),
      'it has no metadata',
    ],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe]).toString('base64url'), 'The encoded data was not valid'],
  ])('refuses %s with a message', (_what, encoded, message) => {
    const result = decodeDraft(encoded);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^the draft in the link cannot be used: /);
      expect(result.message).toContain(message);
    }
  });

  it('refuses a draft of another kind or namespace than the link names', () => {
    const encoded = encodeDraft(POLICY);
    expect(decodeDraft(encoded, { kind: 'VirtualService' })).toEqual({
      ok: false,
      message:
        'the draft in the link cannot be used: it is of kind AuthorizationPolicy, but the link asks for VirtualService',
    });
    expect(decodeDraft(encoded, { namespace: 'shop' }).ok).toBe(false);
  });

  it('refuses an over-long draft', () => {
    expect(decodeDraft('A'.repeat(MAX_DRAFT_LENGTH + 1)).ok).toBe(false);
  });
});

describe('parseEditParams', () => {
  const parse = (query: string): ReturnType<typeof parseEditParams> =>
    parseEditParams(new URLSearchParams(query));

  it('reads an edit of a live object', () => {
    expect(parse('kind=VirtualService&ns=bookinfo&name=reviews')).toEqual({
      ok: true,
      kind: 'VirtualService',
      namespace: 'bookinfo',
      name: 'reviews',
      draft: null,
    });
  });

  it('reads a new object, and a draft that names kind and namespace itself', () => {
    expect(parse('new=1&kind=AuthorizationPolicy&ns=bookinfo')).toMatchObject({
      ok: true,
      name: null,
      draft: null,
    });
    expect(parse(`draft=${encodeDraft(POLICY)}`)).toEqual({
      ok: true,
      kind: 'AuthorizationPolicy',
      namespace: 'bookinfo',
      name: null,
      draft: POLICY,
    });
  });

  it("takes the namespace from the draft, the link's ns being the shell's view", () => {
    expect(parse(`ns=bookinfo,payments&window=1m&draft=${encodeDraft(POLICY)}`)).toMatchObject({
      ok: true,
      namespace: 'bookinfo',
    });
    const bare = { ...POLICY, metadata: { name: 'x' } };
    expect(parse(`ns=payments&draft=${encodeDraft(bare)}`)).toMatchObject({
      ok: true,
      namespace: 'payments',
    });
    expect(parse(`ns=a,b&draft=${encodeDraft(bare)}`)).toMatchObject({ ok: false });
  });

  it.each([
    ['', 'names no kind'],
    ['kind=Namespace&ns=a&name=a', 'does not write Namespace'],
    ['kind=VirtualService&name=x', 'names no namespace'],
    ['kind=VirtualService&ns=Bad_NS&name=x', 'is not a namespace name'],
    ['kind=VirtualService&ns=a', 'names no object'],
    ['kind=VirtualService&ns=a&new=1&name=x', 'both new=1 and a name'],
    ['kind=VirtualService&ns=a&draft=%%%', 'cannot be used'],
  ])('refuses %j', (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('builds the links it reads', () => {
    expect(editHref({ kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' })).toBe(
      '/config/edit?kind=VirtualService&ns=bookinfo&name=reviews',
    );
    const href = editHref({ kind: 'AuthorizationPolicy', namespace: 'bookinfo', draft: encodeDraft(POLICY) });
    expect(parse(href.split('?')[1] ?? '')).toMatchObject({ ok: true, name: null, draft: POLICY });
  });
});
