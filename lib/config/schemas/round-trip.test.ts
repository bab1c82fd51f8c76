import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SAMPLE_FILES, fixtureText, parseDocuments } from '../__fixtures__/load';
import { isConfigKind } from '../kinds';
import { schemaFor, validateObject } from './index';

/**
 * Issue 6, item 7: every bookinfo sample (and the hand-written AuthorizationPolicy, PeerAuthentication and
 * RequestAuthentication samples) goes form -> YAML -> object without loss. The "form" is the object as the schema
 * parses it (what an editor binds to): it must equal what was read, nothing dropped and nothing defaulted.
 */
const documents = SAMPLE_FILES.flatMap((file) =>
  parseDocuments(fixtureText(file)).map((doc, index) => {
    const { kind, metadata } = doc as { kind: string; metadata: { name: string } };
    return { label: `${file} #${index} ${kind} ${metadata.name}`, kind, doc };
  }),
);

describe('the samples round-trip', () => {
  it('covers every sampled kind with a full schema', () => {
    expect(new Set(documents.map((d) => d.kind))).toEqual(
      new Set([
        'VirtualService',
        'DestinationRule',
        'Gateway',
        'HTTPRoute',
        'AuthorizationPolicy',
        'PeerAuthentication',
        'RequestAuthentication',
      ]),
    );
    expect(documents.length).toBeGreaterThanOrEqual(20);
  });

  it.each(documents)('$label', ({ kind, doc }) => {
    expect(validateObject(doc)).toEqual([]);
    if (!isConfigKind(kind)) throw new Error(`not a config kind: ${kind}`);
    const form = schemaFor(kind).parse(doc);
    expect(form).toEqual(doc);
    const yaml = stringify(form);
    const [again] = parseDocuments(yaml);
    expect(again).toEqual(doc);
    expect(validateObject(again)).toEqual([]);
  });
});
