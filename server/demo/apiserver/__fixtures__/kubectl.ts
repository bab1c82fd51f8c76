/**
 * Runs the real kubectl (/usr/bin/kubectl) against a test server, with its own kubeconfig and discovery cache in
 * a temporary directory, and always with a time limit.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeconfigOptions, writeKubeconfig } from '../kubeconfig';

/** What a kubectl run printed. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A kubectl bound to one server. */
export interface Kubectl {
  run(args: string[], options?: { stdin?: string; timeoutMs?: number }): Promise<KubectlResult>;
  /** Starts a long-running kubectl (e.g. `get -w`); `stop()` kills it and resolves with what it printed. */
  start(args: string[]): { output(): string; stop(): Promise<string> };
  dispose(): Promise<void>;
}

const KUBECTL = '/usr/bin/kubectl';

/**
 * Writes a kubeconfig for `serverUrl` (with the bearer token and the certificate to trust, if given) into a fresh
 * temporary directory and returns a kubectl using it.
 */
export async function kubectlFor(
  serverUrl: string,
  options: Pick<KubeconfigOptions, 'token' | 'certificateAuthority'> = {},
): Promise<Kubectl> {
  const dir = await mkdtemp(join(tmpdir(), 'meshlens-kubectl-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await writeKubeconfig(kubeconfig, serverUrl, options);
  const base = ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache')];
  const env = { ...process.env, HOME: dir, KUBECONFIG: kubeconfig };
  return {
    run: (args, options = {}) =>
      new Promise((resolve) => {
        const child = execFile(
          KUBECTL,
          [...base, ...args],
          { env, timeout: options.timeoutMs ?? 15_000 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
        if (options.stdin !== undefined) child.stdin?.end(options.stdin);
      }),
    start: (args) => {
      const child = spawn(KUBECTL, [...base, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
      return {
        output: () => out,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
          clearTimeout(guard);
          return out;
        },
      };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Polls `check` every 50 ms until it is true or `timeoutMs` passes (then throws with `what`). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
