import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { thrown } from '@/lib/testing/thrown';
import { namespacesParam, ParamError, parseParams } from './params';

const schema = z.object({ namespaces: namespacesParam.optional() });

function paramError(query: string): ParamError {
  return thrown(() => parseParams(new URLSearchParams(query), schema), ParamError);
}

describe('parseParams', () => {
  it('parses a namespace list and the wildcard', () => {
    expect(parseParams(new URLSearchParams('namespaces=a,b,a'), schema)).toEqual({ namespaces: ['a', 'b'] });
    expect(parseParams(new URLSearchParams('namespaces=*'), schema)).toEqual({ namespaces: '*' });
    expect(parseParams(new URLSearchParams(''), schema)).toEqual({});
  });

  it('names the parameter that is malformed, unknown or repeated', () => {
    expect(paramError('namespaces=a"}or vector(1)#')).toMatchObject({
      parameter: 'namespaces',
      message: expect.stringMatching(/namespace names/),
    });
    expect(paramError('namespace=a')).toMatchObject({
      parameter: 'namespace',
      message: 'unknown parameter "namespace"',
    });
    expect(paramError('namespaces=a&namespaces=b')).toMatchObject({ parameter: 'namespaces' });
  });
});
