import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestContext } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from '@/lib/source-error';
import { thrown } from '@/lib/testing/thrown';
import { clusterServer, DEFAULT_KUBE_TIMEOUT_MS, loadKubeConfig, requestTimeoutOf } from './config';

const dir = mkdtempSync(join(tmpdir(), 'kube-config-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kubeconfig = `apiVersion: v1
kind: Config
clusters:
  - name: dev
    cluster: { server: 'http://127.0.0.1:6443', insecure-skip-tls-verify: true }
  - name: prod
    cluster: { server: 'https://prod.example:6443' }
users:
  - name: me
    user: { token: abc }
contexts:
  - name: dev
    context: { cluster: dev, user: me }
  - name: prod
    context: { cluster: prod, user: me }
current-context: dev
`;
const path = join(dir, 'config');
writeFileSync(path, kubeconfig);

function failure(run: () => unknown): SourceError {
  return thrown(run, SourceError);
}

describe('loadKubeConfig', () => {
  it('loads the current context, or the one asked for, with the timeout given', () => {
    const kc = loadKubeConfig({ kubeconfigPath: path, timeoutMs: 1234 });
    expect(clusterServer(kc)).toBe('http://127.0.0.1:6443');
    expect(requestTimeoutOf(kc)).toBe(1234);
    expect(clusterServer(loadKubeConfig({ kubeconfigPath: path, context: 'prod' }))).toBe(
      'https://prod.example:6443',
    );
    expect(loadKubeConfig({ kubeconfigPath: path }).requestTimeoutMs).toBe(DEFAULT_KUBE_TIMEOUT_MS);
  });

  it('says which file is missing and which contexts exist', () => {
    const missing = failure(() => loadKubeConfig({ kubeconfigPath: join(dir, 'nope') }));
    expect(missing.message).toBe(`kubeconfig ${join(dir, 'nope')}: file not found`);
    expect(missing.source).toBe('kubernetes');
    const context = failure(() => loadKubeConfig({ kubeconfigPath: path, context: 'staging' }));
    expect(context.message).toBe(`kubeconfig ${path}: no context "staging" (contexts: dev, prod)`);
    expect(failure(() => loadKubeConfig({})).message).toContain('no kubeconfig path given');
  });

  it('refuses plain HTTP without insecure-skip-tls-verify, as client-node would at the first request', () => {
    const plain = join(dir, 'plain-http');
    writeFileSync(plain, kubeconfig.replace(', insecure-skip-tls-verify: true', ''));
    expect(failure(() => loadKubeConfig({ kubeconfigPath: plain })).message).toContain('is plain HTTP');
  });

  it('rejects a file without a usable current context', () => {
    const noCurrent = join(dir, 'no-current');
    writeFileSync(noCurrent, kubeconfig.replace('current-context: dev', ''));
    expect(failure(() => loadKubeConfig({ kubeconfigPath: noCurrent })).message).toBe(
      `kubeconfig ${noCurrent}: no current context`,
    );
  });

  it('puts a deadline on every request context it authenticates', async () => {
    const kc = loadKubeConfig({ kubeconfigPath: path, timeoutMs: 30 });
    const ctx = new RequestContext('http://127.0.0.1:6443/api/v1/pods', 'GET');
    await kc.applySecurityAuthentication(ctx);
    expect(ctx.getHeaders().Authorization).toBe('Bearer abc');
    const signal = ctx.getSignal();
    expect(signal?.aborted).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(signal?.aborted).toBe(true);
    expect((signal?.reason as Error).name).toBe('TimeoutError');
  });
});
