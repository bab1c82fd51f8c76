/**
 * Bytes in and out of the demo API server: reading a bounded request body, parsing it as JSON or YAML, and writing
 * JSON answers and Status errors.
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { parseAllDocuments } from 'yaml';
import { decodeKubernetesProtobuf } from './protobuf';
import { ApiError, badRequest } from './status';

/** Bodies larger than this are refused with 413, as a real API server does (its limit is 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'RequestEntityTooLarge', `the request body is larger than ${limit} bytes`);
}

/** Reads the whole body, refusing (413) past `limit` bytes. The rest of a refused body is drained. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** True for YAML content types (`application/yaml`, `application/apply-patch+yaml`). */
function isYaml(contentType: string | undefined): boolean {
  return /yaml/i.test(contentType ?? '');
}

/**
 * Parses a request body: JSON, YAML for YAML content types, or the Kubernetes protobuf envelope for the few kinds
 * kubectl's typed clients send that way. Empty or malformed input is a 400, another binary format a 415.
 */
export function parseBody(body: Buffer | string, contentType: string | undefined): unknown {
  if (/protobuf/i.test(contentType ?? '')) return decodeKubernetesProtobuf(Buffer.from(body));
  if (/cbor/i.test(contentType ?? '')) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - send JSON or YAML',
    );
  }
  const text = body.toString();
  if (text.trim() === '') throw badRequest('the request body is empty');
  if (!isYaml(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw badRequest(`the request body is not valid JSON: ${(error as Error).message}`);
    }
  }
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.length !== 1) {
    throw badRequest('the request body must hold exactly one YAML document');
  }
  const [document] = documents;
  if (!document || document.errors.length > 0) {
    throw badRequest(
      `the request body is not valid YAML: ${document?.errors[0]?.message ?? 'empty document'}`,
    );
  }
  return document.toJS() as unknown;
}

/** Writes a JSON answer. */
export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes an error as a Kubernetes Status; anything that is not an ApiError is a 500 InternalError. */
export function sendError(res: ServerResponse, error: unknown): void {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(
          500,
          'InternalError',
          `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`,
        );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (apiError.code === 413) res.setHeader('Connection', 'close');
  sendJson(res, apiError.code, apiError.status);
}
