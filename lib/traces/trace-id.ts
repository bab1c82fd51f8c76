/**
 * Trace and span IDs arrive as hex (OTLP/JSON, Tempo search, what people paste) or as base64 (Tempo's protobuf
 * JSON, e.g. `W47/95gDgQPSabYzgT/HAA==`). The dashboard always uses lowercase hex of the full width.
 */

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Normalises a trace ID to 32 lowercase hex characters, or returns null when the input is not one.
 *
 * Accepts hex of up to 32 characters (16 for 64-bit B3/Jaeger IDs; tools that strip leading zeros give fewer),
 * left-padded with zeros, and base64 (standard or URL-safe) of 16 or 8 bytes. Hex wins when a string could be
 * both. The all-zero ID is invalid (W3C Trace Context) and gives null.
 */
export function parseTraceId(input: string): string | null {
  return normaliseId(input, 16, [16, 8]);
}

/**
 * Normalises a span ID to 16 lowercase hex characters, or returns null: hex of up to 16 characters, or base64 of
 * 8 bytes. The all-zero ID gives null.
 */
export function parseSpanId(input: string): string | null {
  return normaliseId(input, 8, [8]);
}

function normaliseId(input: string, bytes: number, base64Lengths: readonly number[]): string | null {
  const text = input.trim();
  const width = bytes * 2;
  if (text.length === 0) return null;
  const hex = HEX.test(text) && text.length <= width ? text.toLowerCase() : base64ToHex(text, base64Lengths);
  if (hex === null || /^0+$/.test(hex)) return null;
  return hex.padStart(width, '0');
}

function base64ToHex(text: string, lengths: readonly number[]): string | null {
  if (!BASE64.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  if (!lengths.includes(binary.length)) return null;
  let hex = '';
  for (let i = 0; i < binary.length; i++) hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}
