/**
 * Completion for the YAML editor from a kind's JSON Schema (`jsonSchemaFor`): where the cursor is (the field path
 * of the mapping it types a key in, or the key whose value it types), read from the indentation of the lines above,
 * and what the schema allows there: the properties of that mapping, or the enum values and booleans of that field.
 * Pure and free of the editor, so it is tested on text.
 */

/** A JSON Schema, as far as completion reads it. */
type Schema = Record<string, unknown>;

/** A step of a YAML path: a key, or `[]` for "an item of this list". */
export type YamlStep = string | '[]';

/** Where the cursor is. */
export interface YamlContext {
  /** The path of the mapping whose key is typed, or of the key whose value is typed. */
  path: YamlStep[];
  /** Typing a key (or starting a list item), or a key's value. */
  position: 'key' | 'value';
  /** Offset where the word being typed starts. */
  from: number;
}

/** One suggestion. */
export interface SchemaOption {
  label: string;
  /** What is inserted: `key: `, or the value. */
  apply: string;
  type: 'property' | 'enum' | 'keyword';
  /** The field's type, or `required`. */
  detail?: string;
}

interface LineShape {
  /** Columns of the `- ` markers before the key. */
  dashes: number[];
  /** Column of the key, when the line holds `key:`. */
  keyCol?: number;
  key?: string;
}

const KEY = /^([^\s:#'"\-[{][^:#]*?|"[^"]*"|'[^']*'):(?:\s|$)/;

function shapeOf(line: string): LineShape | undefined {
  const m = /^( *)((?:- +)*)(.*)$/.exec(line);
  if (!m) return undefined;
  const [, indent = '', dashText = '', rest = ''] = m;
  if (rest.startsWith('#') || (rest.trim() === '' && dashText === '')) return undefined;
  const dashes: number[] = [];
  for (let i = 0; i < dashText.length; i++) if (dashText[i] === '-') dashes.push(indent.length + i);
  const key = KEY.exec(rest)?.[1];
  if (key === undefined) return { dashes };
  return { dashes, keyCol: indent.length + dashText.length, key: key.replace(/^["']|["']$/g, '') };
}

/** The path of what starts at column `col` on line `index` (dashes of that line before it included). */
function pathAbove(
  lines: readonly string[],
  index: number,
  col: number,
  ownDashes: readonly number[],
): YamlStep[] {
  const path: YamlStep[] = [];
  let at = col;
  for (const dash of [...ownDashes].reverse()) {
    path.unshift('[]');
    at = dash;
  }
  for (let j = index - 1; j >= 0 && at > 0; j--) {
    const shape = shapeOf(lines[j] ?? '');
    if (shape === undefined) continue;
    let steps: YamlStep[] = [];
    let next = at;
    if (shape.keyCol !== undefined && shape.key !== undefined && shape.keyCol < at) {
      steps = [...shape.dashes.map((): YamlStep => '[]'), shape.key];
      next = shape.dashes[0] ?? shape.keyCol;
    } else {
      const inside = shape.dashes.filter((d) => d < at);
      const first = inside[0];
      if (first === undefined) continue;
      steps = inside.map((): YamlStep => '[]');
      next = first;
    }
    path.unshift(...steps);
    at = next;
  }
  return path;
}

/** Where the cursor at `pos` is in `text`, or undefined where nothing can be suggested (a comment, a quoted key…). */
export function yamlContextAt(text: string, pos: number): YamlContext | undefined {
  const before = text.slice(0, pos);
  const lines = before.split('\n');
  const index = lines.length - 1;
  const line = lines[index] ?? '';
  const lineStart = pos - line.length;
  const m = /^( *)((?:- +)*)(.*)$/.exec(line);
  if (!m) return undefined;
  const [, indent = '', dashText = '', rest = ''] = m;
  const dashes: number[] = [];
  for (let i = 0; i < dashText.length; i++) if (dashText[i] === '-') dashes.push(indent.length + i);
  const col = indent.length + dashText.length;
  if (/^[\w./-]*$/.test(rest)) {
    return { path: pathAbove(lines, index, col, dashes), position: 'key', from: lineStart + col };
  }
  const value = /^([\w./-]+):( +)([\w./-]*)$/.exec(rest);
  if (value) {
    const [, key = '', , typed = ''] = value;
    return {
      path: [...pathAbove(lines, index, col, dashes), key],
      position: 'value',
      from: pos - typed.length,
    };
  }
  return undefined;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema and its alternatives (`$ref`, `anyOf`, `oneOf`, `allOf`) flattened. */
function variants(schema: unknown, root: Schema, depth = 0): Schema[] {
  if (!isSchema(schema) || depth > 20) return [];
  const ref = schema['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isSchema(target) ? target[part] : undefined;
    return variants(target, root, depth + 1);
  }
  const nested = ['anyOf', 'oneOf', 'allOf'].flatMap((k) =>
    Array.isArray(schema[k]) ? (schema[k] as unknown[]).flatMap((s) => variants(s, root, depth + 1)) : [],
  );
  return [schema, ...nested];
}

function step(schemas: readonly Schema[], s: YamlStep, root: Schema): Schema[] {
  return schemas.flatMap((schema) => {
    if (s === '[]') return variants(schema['items'], root);
    const properties = isSchema(schema['properties']) ? schema['properties'] : {};
    if (s in properties) return variants(properties[s], root);
    return variants(schema['additionalProperties'], root);
  });
}

/** The schemas of the field at `path`. */
export function schemasAt(root: Schema, path: readonly YamlStep[]): Schema[] {
  let schemas = variants(root, root);
  for (const s of path) schemas = step(schemas, s, root);
  return schemas;
}

function typeWord(schema: Schema, root: Schema): string {
  const types = new Set(
    variants(schema, root)
      .map((v) => v['type'])
      .filter((t) => typeof t === 'string'),
  );
  return [...types].join(' | ');
}

/** What may be typed at the cursor: the keys of the mapping, or the values of the field. */
export function schemaOptions(root: Schema, context: YamlContext): SchemaOption[] {
  const schemas = schemasAt(root, context.path);
  const options = new Map<string, SchemaOption>();
  if (context.position === 'key') {
    for (const schema of schemas) {
      const properties = isSchema(schema['properties']) ? schema['properties'] : {};
      const required = Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : [];
      for (const [key, sub] of Object.entries(properties)) {
        const type = isSchema(sub) ? typeWord(sub, root) : '';
        const detail = required.includes(key) ? `${type} (required)` : type;
        options.set(key, { label: key, apply: `${key}: `, type: 'property', detail });
      }
    }
    return [...options.values()];
  }
  for (const schema of schemas) {
    const values = [
      ...(Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : []),
      ...('const' in schema ? [schema['const']] : []),
      ...(schema['type'] === 'boolean' ? [true, false] : []),
    ];
    for (const value of values) {
      if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') continue;
      const label = String(value);
      options.set(label, { label, apply: label, type: typeof value === 'boolean' ? 'keyword' : 'enum' });
    }
  }
  return [...options.values()];
}
