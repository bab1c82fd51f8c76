import { defineConfig } from '@playwright/test';

/** The port `next start` listens on during the end-to-end run (loopback only). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3217);

/**
 * End to end against the built app, in Debian's Chromium (never a downloaded browser). The global setup starts real
 * parts on loopback: the demo mesh's API server, a real Prometheus, and `next start` configured against them.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'shell', testMatch: /shell\.spec\.ts/ },
    { name: 'demo', testMatch: /demo\.spec\.ts/ },
    { name: 'graph', testMatch: /graph\.spec\.ts/ },
    { name: 'traces', testMatch: /traces\.spec\.ts/ },
    { name: 'mesh', testMatch: /mesh\.spec\.ts/ },
    { name: 'editor', testMatch: /editor\.spec\.ts/ },
    { name: 'auth', testMatch: /auth\.spec\.ts/ },
    // Stops and restarts Prometheus, so it runs after everything that needs Prometheus up.
    {
      name: 'outage',
      testMatch: /outage\.spec\.ts/,
      dependencies: ['shell', 'graph', 'traces', 'mesh', 'editor'],
    },
  ],
});
