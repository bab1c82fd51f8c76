import { describe, expect, it } from 'vitest';
import { checkText, objectOfText, yamlOf } from './yaml-text';

const target = { kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' };
const TEXT = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
    - reviews
  http:
    - route:
        - destination:
            host: reviews
          weight: 100
`;

describe('checkText', () => {
  it('finds no problem in a valid object', () => {
    expect(checkText(TEXT, target)).toEqual({ object: objectOfText(TEXT), problems: [] });
  });

  it('places schema problems in the text', () => {
    const text = TEXT.replace('  http:', '  htpp:');
    const { object, problems } = checkText(text, target);
    expect(object).not.toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ path: 'spec.htpp', line: 8, col: 3 }));
  });

  it('reports malformed YAML with its place, and holds no object', () => {
    const { object, problems } = checkText('kind: [\n', target);
    expect(object).toBeNull();
    expect(problems[0]).toMatchObject({ path: '', line: expect.any(Number) });
    expect(problems[0]?.message).toMatch(/^malformed YAML/);
  });

  it('refuses another name than the edited one (renaming is not an edit)', () => {
    const { problems } = checkText(TEXT.replace('name: reviews', 'name: ratings'), target);
    expect(problems[0]).toMatchObject({ path: 'metadata.name', line: 4 });
  });
});

describe('yamlOf', () => {
  it('renders long strings on one line', () => {
    const long = 'x'.repeat(200);
    expect(yamlOf({ a: long })).toBe(`a: ${long}\n`);
  });
});

describe('checkText shows every problem at once', () => {
  it('names the schema problems beside a missing name', () => {
    const text = TEXT.replace('name: reviews', 'name: ""').replace('  http:', '  htpp:');
    const { problems } = checkText(text, { kind: 'VirtualService', namespace: 'bookinfo' });
    expect(problems.map((p) => p.path)).toEqual(['metadata.name', 'spec.htpp']);
    expect(problems[1]).toMatchObject({ line: 8, col: 3 });
  });
});
