/**
 * Reads the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`) of the few objects kubectl's typed
 * clients create, into the same JSON the rest of the server handles. The envelope is the magic `k8s\0` followed by
 * a runtime.Unknown message (type meta + raw object bytes); the object is decoded with the field table in
 * protobuf-schema.ts. Zero values are left out, as JSON clients would; an undescribed non-empty field is a 415.
 */
import { type FieldSpec, KIND_MESSAGES, MESSAGES } from './protobuf-schema';
import { ApiError, badRequest } from './status';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Wire = { kind: 'varint'; value: bigint } | { kind: 'bytes'; value: Buffer };

function unsupported(what: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the demo API server cannot read ${what} in protobuf; send JSON or YAML instead (e.g. kubectl apply -f)`,
  );
}

/** Splits a message into (field number, value) pairs. */
function* fields(buf: Buffer): Generator<[number, Wire]> {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = buf[pos++];
      if (byte === undefined || shift > 63n) throw badRequest('truncated protobuf body');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const wire = key & 7;
    if (wire === 0) yield [key >>> 3, { kind: 'varint', value: varint() }];
    else if (wire === 2) {
      const length = Number(varint());
      if (pos + length > buf.length) throw badRequest('truncated protobuf body');
      yield [key >>> 3, { kind: 'bytes', value: buf.subarray(pos, pos + length) }];
      pos += length;
    } else throw unsupported(`wire type ${wire}`);
  }
}

function isZero(wire: Wire): boolean {
  return wire.kind === 'varint' ? wire.value === 0n : wire.value.length === 0;
}

function decodeField(spec: FieldSpec, wire: Wire, message: string): unknown {
  const { type } = spec;
  if (type === 'int' || type === 'bool') {
    if (wire.kind !== 'varint') throw badRequest(`${message}.${spec.name}: expected a number`);
    return type === 'bool' ? wire.value !== 0n : Number(BigInt.asIntN(64, wire.value));
  }
  if (wire.kind !== 'bytes') throw badRequest(`${message}.${spec.name}: expected bytes`);
  if (type === 'string') return wire.value.toString('utf8');
  if (type === 'map') {
    const entry = decodeMessage(wire.value, 'MapEntry', {
      1: { name: 'key', type: 'string' },
      2: { name: 'value', type: 'string' },
    });
    return [String(entry['key'] ?? ''), String(entry['value'] ?? '')];
  }
  if (type === 'intOrString') {
    const v = decodeMessage(wire.value, 'IntOrString');
    return v['type'] === 1 ? (v['strVal'] ?? '') : (v['intVal'] ?? 0);
  }
  if (type === 'skip') return undefined;
  return decodeMessage(wire.value, type.message);
}

/** Decodes one message by its field table; zero values and empty messages are left out. */
export function decodeMessage(buf: Buffer, name: string, table = MESSAGES[name]): Record<string, unknown> {
  if (!table) throw unsupported(`a ${name}`);
  const out: Record<string, unknown> = {};
  for (const [number, wire] of fields(buf)) {
    const spec = table[number];
    if (!spec) {
      if (isZero(wire)) continue;
      throw unsupported(`field ${number} of ${name}`);
    }
    if (spec.type === 'skip' || (isZero(wire) && !spec.keepZero && spec.type !== 'map')) continue;
    const value = decodeField(spec, wire, name);
    if (
      value === undefined ||
      (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)
    )
      continue;
    if (spec.type === 'map') {
      const [k, v] = value as [string, string];
      out[spec.name] = { ...(out[spec.name] as Record<string, string> | undefined), [k]: v };
    } else if (spec.repeated) out[spec.name] = [...((out[spec.name] as unknown[] | undefined) ?? []), value];
    else out[spec.name] = value;
  }
  return out;
}

/** True for a body in the Kubernetes protobuf envelope. */
export function isKubernetesProtobuf(body: Buffer): boolean {
  return body.subarray(0, 4).equals(MAGIC);
}

/** Decodes a protobuf request body into a JSON object with `apiVersion` and `kind`. */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, unknown> {
  if (!isKubernetesProtobuf(body))
    throw badRequest('the protobuf body does not start with the Kubernetes magic number');
  let typeMeta: Record<string, unknown> = {};
  let raw: Buffer | undefined;
  for (const [number, wire] of fields(body.subarray(4))) {
    if (number === 1 && wire.kind === 'bytes') typeMeta = decodeMessage(wire.value, 'TypeMeta');
    if (number === 2 && wire.kind === 'bytes') raw = wire.value;
  }
  const apiVersion = String(typeMeta['apiVersion'] ?? '');
  const kind = String(typeMeta['kind'] ?? '');
  const message = KIND_MESSAGES[`${apiVersion}/${kind}`];
  if (!message || !raw) throw unsupported(kind ? `a ${kind}` : 'this object');
  return { apiVersion, kind, ...decodeMessage(raw, message) };
}
