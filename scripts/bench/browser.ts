/**
 * The browser half of the bench: the graph page at `--scale 1000` in Chromium, measured by the end-to-end test
 * 'a thousand workloads: first picture, refresh and panning' (e2e/graph.spec.ts), which prints one figures line.
 * This runs that one test against the production build and turns its line into JSON.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_PROMETHEUS_BINARY } from '../../server/testing/prometheus-server';

const ROOT = join(import.meta.dirname, '..', '..');
/** What the e2e drives (playwright.config.ts): Debian's Chromium unless CHROMIUM_PATH says otherwise. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TEST_TIMEOUT_MS = 5 * 60_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;
/** How many of the child's last lines a skip carries. */
const TAIL_LINES = 30;

/** The targets of the issue, at `--scale 1000`. */
export const BROWSER_TARGETS = { firstRenderMs: 2000, refreshMs: 100, fps: 30 } as const;

/** What the `browser` key of the bench JSON holds when the test ran. Times are in ms since navigation unless noted. */
export interface BrowserFigures {
  scale: 1000;
  /** Nodes and edges on the canvas after the first sync. */
  elements: number;
  /** When the `/api/graph` answer had arrived (its `responseEnd`); -1 if the page did not see it. */
  navigationToAnswerMs: number;
  /** Main-thread time of the first sync of that answer onto the canvas (a duration, not since navigation). */
  firstSyncMs: number;
  /** When that first sync ended. */
  syncDoneAtMs: number;
  /**
   * By when the first frame after the sync was drawn: an upper bound on "navigation to an interactive graph", as
   * the test only asks once it has seen the sync (Playwright's polling adds its own delay).
   */
  firstFrameMs: number;
  /** Main-thread tasks over 50 ms that started after the answer arrived, as [start, duration]. */
  longTasks: [number, number][];
  /** Main-thread time of one live refresh's sync (a duration). */
  refreshSyncMs: number;
  /** Animation frames per second over 2 s while the canvas is dragged. */
  panningFps: number;
  targets: typeof BROWSER_TARGETS;
  met: { firstRender: boolean; refresh: boolean; fps: boolean };
  note: string;
}

/** What the `browser` key holds when the browser figures could not be taken. */
export interface BrowserSkipped {
  skipped: string;
  /** The child's last output lines, when there was a child. */
  lastLines?: string[];
}

// Everything between the separators of the line printed by the test; numbers may be negative or fractional.
const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const FIGURES_LINE = new RegExp(
  `1,000 workloads, (\\d+) elements \\(ms since navigation\\): answer in at ${NUMBER}, ` +
    `sync done at ${NUMBER} \\(${NUMBER} ms\\), first frame by ${NUMBER}; ` +
    `long tasks after the answer \\[start, ms\\]: (\\[[^;]*\\]); ` +
    `refresh sync ${NUMBER} ms; ${NUMBER} frames/s while panning`,
);

// ANSI escapes (colours, cursor moves of the line reporter).
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

function parseTasks(json: string): [number, number][] | null {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return null;
    const pairs = value.filter(
      (t): t is [number, number] =>
        Array.isArray(t) && t.length === 2 && t.every((n) => typeof n === 'number'),
    );
    return pairs.length === value.length ? pairs : null;
  } catch {
    return null;
  }
}

/**
 * Finds the test's figures line in `output` (the whole run's output: reporter lines, colours and all) and parses
 * it; null when there is no such line or it does not have the expected shape.
 */
export function parseFiguresLine(output: string): BrowserFigures | null {
  const match = FIGURES_LINE.exec(output.replace(ANSI, ''));
  if (!match) return null;
  const [elements, answer, syncDone, firstSync, firstFrame, tasksJson, refreshSync, fps] = match.slice(1);
  const longTasks = parseTasks(tasksJson ?? '');
  if (!longTasks) return null;
  const figures = {
    elements: Number(elements),
    navigationToAnswerMs: Number(answer),
    firstSyncMs: Number(firstSync),
    syncDoneAtMs: Number(syncDone),
    firstFrameMs: Number(firstFrame),
    refreshSyncMs: Number(refreshSync),
    panningFps: Number(fps),
  };
  return {
    scale: 1000,
    ...figures,
    longTasks,
    targets: BROWSER_TARGETS,
    met: {
      firstRender: figures.firstFrameMs <= BROWSER_TARGETS.firstRenderMs,
      refresh: figures.refreshSyncMs <= BROWSER_TARGETS.refreshMs,
      fps: figures.panningFps >= BROWSER_TARGETS.fps,
    },
    note:
      'One run of the e2e test "a thousand workloads" in Chromium against the production build, on the demo mesh ' +
      'at --scale 1000 (its direct sources, no Prometheus). firstRender is judged on firstFrameMs, an upper bound ' +
      'on navigation to an interactive graph; refresh on the main-thread time of one live refresh sync; fps on ' +
      'frames drawn while panning.',
  };
}

/** The last `count` non-empty lines of `output`, without colours. */
export function lastLines(output: string, count = TAIL_LINES): string[] {
  return output
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(-count);
}

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
}

/**
 * Runs a command in the repository in its own process group; kills the whole group (SIGTERM, then SIGKILL after
 * 5 s) once `timeoutMs` has passed. `echo` copies its output to stderr as it comes (stdout stays the JSON's).
 */
function runChild(
  command: string,
  args: string[],
  options: { timeoutMs: number; env?: Record<string, string>; echo?: boolean },
): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const take = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.length > 1_000_000) output = output.slice(-500_000);
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let timedOut = false;
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    let hardKill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      hardKill = setTimeout(() => killGroup('SIGKILL'), 5_000);
    }, options.timeoutMs);
    child.on('error', (error) => {
      output += `\n${String(error)}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (hardKill) clearTimeout(hardKill);
      // Whatever the child left behind in its group (a browser, a demo) goes with it.
      if (timedOut) killGroup('SIGKILL');
      resolve({ code, signal, timedOut, output });
    });
  });
}

/** Whether `path` exists (and, with `constants.X_OK`, is executable). */
async function exists(path: string, mode = constants.F_OK): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/** A loopback port nothing listens on, for the e2e's `next start` (so that it does not clash with another run). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Navigation to an interactive graph, the main-thread time of one live refresh and frames per second while panning,
 * at `--scale 1000` in Chromium: runs the e2e test that measures them (building the app first if there is no
 * production build) and parses its figures line. Never throws: anything missing or failing becomes `skipped`.
 */
export async function browserFigures(): Promise<BrowserFigures | BrowserSkipped> {
  if (!(await exists(CHROMIUM, constants.X_OK)))
    return { skipped: `${CHROMIUM} is missing: install Debian's chromium package` };
  if (!(await exists(DEFAULT_PROMETHEUS_BINARY, constants.X_OK))) {
    return { skipped: `${DEFAULT_PROMETHEUS_BINARY} is missing: install Debian's prometheus package` };
  }
  if (!(await exists(join(ROOT, 'node_modules', '.bin', 'playwright')))) {
    return { skipped: 'Playwright is not installed (node_modules/.bin/playwright)' };
  }
  if (!(await exists(join(ROOT, '.next', 'BUILD_ID')))) {
    process.stderr.write('bench: no production build (.next/BUILD_ID): running next build first\n');
    const build = await runChild('npx', ['next', 'build'], {
      timeoutMs: BUILD_TIMEOUT_MS,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
      echo: true,
    });
    if (build.timedOut || build.code !== 0) {
      return {
        skipped: build.timedOut
          ? `next build did not finish within ${BUILD_TIMEOUT_MS / 60_000} min`
          : `next build failed (exit ${build.code ?? build.signal})`,
        lastLines: lastLines(build.output),
      };
    }
  }
  process.stderr.write('bench: the graph page at scale 1000 in Chromium (one e2e test, at most 5 min)\n');
  const run = await runChild(
    'npx',
    ['playwright', 'test', '--project', 'graph', '-g', 'a thousand workloads', '--reporter=line'],
    { timeoutMs: TEST_TIMEOUT_MS, env: { E2E_PORT: String(await freePort()), FORCE_COLOR: '0' }, echo: true },
  );
  if (run.timedOut) {
    return {
      skipped: `the e2e test did not finish within ${TEST_TIMEOUT_MS / 60_000} min and was killed`,
      lastLines: lastLines(run.output),
    };
  }
  if (run.code !== 0) {
    return {
      skipped: `the e2e test failed (exit ${run.code ?? run.signal})`,
      lastLines: lastLines(run.output),
    };
  }
  const figures = parseFiguresLine(run.output);
  if (!figures) {
    return { skipped: 'the e2e test passed but printed no figures line', lastLines: lastLines(run.output) };
  }
  return figures;
}
