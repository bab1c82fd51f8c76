/**
 * Field paths as people read them and as the Kubernetes API reports them: `spec.http[0].route[1].weight`. A key that
 * is not a plain identifier (label keys, annotation keys) is written in brackets: `metadata.labels["istio.io/rev"]`.
 */

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Segments -> text, e.g. `['spec', 'http', 0]` -> `spec.http[0]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (identifier.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Text -> segments; the inverse of {@link formatPath}, also reading `a.b.c` written by others. Returns undefined for
 * text it cannot read (an unterminated bracket).
 */
export function parsePath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const end = closingBracket(path, i);
      if (end < 0) return undefined;
      const inner = path.slice(i + 1, end);
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (inner.startsWith('"')) {
        try {
          segments.push(JSON.parse(inner) as string);
        } catch {
          return undefined;
        }
      } else segments.push(inner);
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    segments.push(path.slice(i, j));
    i = j;
  }
  return segments;
}

function closingBracket(path: string, open: number): number {
  if (path[open + 1] !== '"') return path.indexOf(']', open);
  // A quoted key may hold `]`: find the closing quote (skipping escapes), then the bracket right after it.
  for (let j = open + 2; j < path.length; j++) {
    if (path[j] === '\\') j++;
    else if (path[j] === '"') return path[j + 1] === ']' ? j + 1 : -1;
  }
  return -1;
}

/** True when `path` is `prefix` or lies under it (`spec.http[0]` is under `spec`; `specs` is not). */
export function isUnder(path: string, prefix: string): boolean {
  if (path === prefix) return true;
  return path.startsWith(prefix) && (path[prefix.length] === '.' || path[prefix.length] === '[');
}
