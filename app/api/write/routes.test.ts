import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as audit } from './audit/route';
import { POST as apply } from './apply/route';
import { GET as capabilities } from './capabilities/route';
import { POST as remove } from './delete/route';
import { POST as preview } from './preview/route';
import { POST as revert } from './revert/route';

/**
 * The route files as Next.js runs them, with the settings read from the environment: with READ_ONLY=true every
 * mutating route is refused before it reads a body or reaches a cluster, and capabilities says so.
 */

const dir = mkdtempSync(join(tmpdir(), 'meshlens-write-routes-'));
const saved = { ...process.env };

beforeAll(() => {
  writeFileSync(join(dir, 'kubeconfig'), 'apiVersion: v1\n');
  Object.assign(process.env, {
    KUBECONFIG: join(dir, 'kubeconfig'),
    METRICS_SOURCE: 'demo',
    READ_ONLY: 'true',
  });
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('meshlens.settings')];
});

afterAll(() => {
  process.env = saved;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('meshlens.settings')];
  rmSync(dir, { recursive: true, force: true });
});

const post = (headers: Record<string, string> = {}): Request =>
  new Request('http://dashboard.test/api/write/x', {
    method: 'POST',
    headers: { origin: 'http://dashboard.test', 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe('/api/write/* with READ_ONLY=true', () => {
  it('capabilities says read-only, without a token', async () => {
    const response = await capabilities(new Request('http://dashboard.test/api/write/capabilities'));
    expect(await response.json()).toEqual({
      readOnly: true,
      csrfToken: null,
      auditNamespace: 'meshlens-system',
      kinds: [],
    });
  });

  it.each([
    ['preview', preview],
    ['apply', apply],
    ['delete', remove],
    ['revert', revert],
  ])('%s answers 403 naming the setting', async (_name, handler) => {
    const response = await handler(post());
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { message: 'the dashboard is read-only (READ_ONLY=true)' },
    });
  });

  it('refuses another origin first', async () => {
    const response = await apply(post({ origin: 'http://evil.test' }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        message:
          "refused a request from origin http://evil.test: changes are accepted only from the dashboard's own origin",
      },
    });
  });

  it('audit refuses a bad parameter with a 400', async () => {
    const response = await audit(new Request('http://dashboard.test/api/write/audit?limit=0'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { parameter: 'limit', message: 'limit must be a whole number from 1 to 200' },
    });
  });
});
