import { describe, expect, it } from 'vitest';
import { ParamError, parseParams } from '@/lib/api/params';
import { thrown } from '@/lib/testing/thrown';
import { auditQueryParams, parseApplyRequest, parseDeleteRequest, parseRevertRequest } from './requests';

describe('write request bodies', () => {
  it('read an apply', () => {
    const body = {
      kind: 'VirtualService',
      namespace: 'bookinfo',
      yaml: 'a: 1',
      baseResourceVersion: '7',
      acknowledgeGitOps: true,
    };
    expect(parseApplyRequest(body)).toEqual(body);
  });

  it.each<[string, () => unknown, string, RegExp]>([
    [
      'an unknown field',
      () => parseApplyRequest({ kind: 'X', namespace: 'a', yaml: '', acknowledgeGitops: true }),
      'acknowledgeGitops',
      /unknown field "acknowledgeGitops"/,
    ],
    ['a missing yaml', () => parseApplyRequest({ kind: 'X', namespace: 'a' }), 'yaml', /^yaml /],
    [
      'a bad namespace',
      () => parseApplyRequest({ kind: 'X', namespace: 'Not_A_NS', yaml: '' }),
      'namespace',
      /must be a namespace name/,
    ],
    [
      'a delete without base',
      () => parseDeleteRequest({ kind: 'X', namespace: 'a', name: 'b', confirm: 'a/b' }),
      'baseResourceVersion',
      /baseResourceVersion/,
    ],
    [
      'a revert of something else',
      () => parseRevertRequest({ auditId: 'kube-root-ca.crt' }),
      'auditId',
      /must be an audit record id/,
    ],
    ['a body that is not an object', () => parseApplyRequest([]), 'body', /body/],
  ])('refuse %s, naming the field', (_what, run, parameter, message) => {
    const error = thrown(run, ParamError);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
  });

  it('read the audit query with a default limit', () => {
    expect(parseParams(new URLSearchParams('namespace=bookinfo'), auditQueryParams)).toEqual({
      namespace: 'bookinfo',
      limit: 50,
    });
    expect(
      thrown(() => parseParams(new URLSearchParams('limit=500'), auditQueryParams), ParamError).message,
    ).toBe('limit must be a whole number from 1 to 200');
  });
});
