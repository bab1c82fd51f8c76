import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from '@playwright/test';

/** The demo command running for a test: its printed lines, and a way to stop it as Ctrl-C would. */
export interface DemoProcess {
  process: ChildProcess;
  /** The value of a line the demo printed, e.g. `line('dashboard')`; empty when it did not print it. */
  line(name: 'dashboard' | 'kubeconfig' | 'metrics' | 'prometheus'): string;
  /** Sends SIGINT (if still running) and resolves with the exit code once it has exited. */
  stop(): Promise<number | null>;
}

/**
 * Starts the demo launcher (the README's first command minus the install and build the test command has done)
 * on a free port and waits until it printed the `until` line (`metrics` by default). `env` adds settings such as
 * `READ_ONLY=true`.
 */
export async function startDemo(
  args: string[],
  until: 'metrics' | 'prometheus' = 'metrics',
  env: Record<string, string> = {},
): Promise<DemoProcess> {
  const demo = spawn('node_modules/.bin/tsx', ['server/demo/launch.ts', '--port', '0', ...args], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const handle: DemoProcess = {
    process: demo,
    line: (name) => new RegExp(`^${name}: (\\S+)$`, 'm').exec(output)?.[1] ?? '',
    async stop() {
      if (demo.exitCode === null && demo.signalCode === null) demo.kill('SIGINT');
      await expect.poll(() => demo.exitCode ?? demo.signalCode, { timeout: 10_000 }).not.toBeNull();
      return demo.exitCode;
    },
  };
  try {
    await expect.poll(() => output, { timeout: 60_000 }).toMatch(new RegExp(`^${until}: \\S+$`, 'm'));
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}
