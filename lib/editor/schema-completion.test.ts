import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '@/lib/config/schemas';
import { schemaOptions, yamlContextAt } from './schema-completion';

const VS = jsonSchemaFor('VirtualService');
const AP = jsonSchemaFor('AuthorizationPolicy');

/** The context and option labels at the `|` in the text. */
function at(
  textWithCursor: string,
  schema = VS,
): { path: string; position: string; labels: string[]; typed: string } {
  const pos = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const context = yamlContextAt(text, pos);
  if (!context) throw new Error('no context');
  return {
    path: context.path.join('.'),
    position: context.position,
    labels: schemaOptions(schema, context).map((o) => o.label),
    typed: text.slice(context.from, pos),
  };
}

describe('yaml completion from the JSON Schema', () => {
  it('offers the top-level fields', () => {
    expect(at('ap|')).toMatchObject({ path: '', position: 'key', typed: 'ap' });
    expect(at('|').labels).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  });

  it('offers the enum of a value', () => {
    expect(at('apiVersion: net|')).toMatchObject({
      path: 'apiVersion',
      position: 'value',
      typed: 'net',
      labels: ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'],
    });
    expect(at('kind: |').labels).toEqual(['VirtualService']);
  });

  it('follows nested mappings and list items', () => {
    const text = `spec:
  hosts:
    - reviews
  http:
    - match:
        - uri:
            prefix: /a
          |`;
    const result = at(text);
    expect(result.path).toBe('spec.http.[].match.[]');
    expect(result.labels).toEqual(expect.arrayContaining(['uri', 'headers', 'queryParams', 'ignoreUriCase']));
  });

  it('knows the fields of a list item started on the same line', () => {
    const text = `spec:
  http:
    - route:
        - destination:
            host: reviews
          weight: 80
        - |`;
    expect(at(text)).toMatchObject({ path: 'spec.http.[].route.[]' });
    expect(at(text).labels).toEqual(['destination', 'weight', 'headers']);
  });

  it('completes under a sibling key of a list item', () => {
    const text = `spec:
  http:
    - route:
        - destination:
            host: reviews
      fa|`;
    expect(at(text)).toMatchObject({ path: 'spec.http.[]', typed: 'fa' });
    expect(at(text).labels).toContain('fault');
  });

  it('offers an AuthorizationPolicy action and booleans', () => {
    expect(at('spec:\n  action: |', AP).labels).toEqual(['ALLOW', 'DENY', 'AUDIT', 'CUSTOM']);
    const text = `spec:
  http:
    - match:
        - ignoreUriCase: |`;
    expect(at(text).labels).toEqual(['true', 'false']);
  });

  it('suggests nothing inside a comment', () => {
    expect(yamlContextAt('# a comment', 5)).toBeUndefined();
  });
});
