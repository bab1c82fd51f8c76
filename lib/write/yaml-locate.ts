/**
 * Where a field path is in a parsed YAML text, so that a problem found on the object (by us, a schema or the API
 * server) can name the line and column a person should look at.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { parsePath } from './field-path';

/** A 1-based place in the text. */
export interface TextPosition {
  line: number;
  col: number;
}

/** Finds a field path in the text; the deepest existing parent when the field itself is absent. */
export type Locator = (path: string) => TextPosition | undefined;

function positionOf(
  node: { range?: [number, number, number] | null } | null | undefined,
  lines: LineCounter,
): TextPosition | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, col };
}

/** A locator over one parsed document. */
export function locatorOf(doc: Document, lines: LineCounter): Locator {
  return (path) => {
    const segments = parsePath(path) ?? [];
    let node: unknown = doc.contents;
    let found = positionOf(doc.contents as Node | null, lines);
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        // The key is where a person looks for a field; the value is where the walk goes on.
        found = positionOf(pair.key as Node, lines) ?? found;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        found = positionOf(item as Node, lines) ?? found;
        node = item;
      } else break;
    }
    return found;
  };
}

/** The 1-based position of a character offset in the text. */
export function positionAt(offset: number, lines: LineCounter): TextPosition {
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(line, 1), col: Math.max(col, 1) };
}
