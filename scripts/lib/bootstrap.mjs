// Runs on whatever Node the user has (the machines here start with Node 20): plain ESM, no TypeScript, no deps.
// It prepares a checkout so that the project's own Node (the `node` package, Node 24) takes over from there.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (this file lives in scripts/lib). */
export const root = new URL('../..', import.meta.url).pathname;

/** PATH with the project's node_modules/.bin first, so `node` is the project's Node 24. */
export function projectEnv(extra = {}) {
  const bin = join(root, 'node_modules', '.bin');
  return { NEXT_TELEMETRY_DISABLED: '1', ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, ...extra };
}

/** Runs a command in the repository, inheriting output; returns its exit code. */
export function run(command, args, { env, ...options } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options, env: projectEnv(env) });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/**
 * Installs the npm dependencies, at the versions in package-lock.json, when node_modules is missing or older than
 * the lock file. `npm install --no-save` rather than `npm ci`: the registry reachable here does not serve every
 * other platform's optional binary at the locked version (Next.js's and Tailwind's native builds for macOS and
 * Windows), which `npm ci` treats as a lock file out of sync; `npm install` skips the unavailable optional ones,
 * installs this platform's, and leaves package.json and the lock file untouched.
 */
export function ensureNpmDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const stale =
    mtime(marker) < Math.max(mtime(join(root, 'package-lock.json')), mtime(join(root, 'package.json')));
  if (!stale && existsSync(join(root, 'node_modules', '.bin', 'node'))) return;
  console.log('setup: installing npm dependencies (npm install from package-lock.json)');
  const args = ['install', '--no-save', '--no-audit', '--no-fund'];
  const code = run('npm', args, { env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (code !== 0) fail('npm install failed; see the output above');
}

function onPath(binary) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, binary)));
}

/**
 * Makes sure Debian's packages that the tests use are present (chromium for Playwright, prometheus for the
 * integration tests). Installs them with apt-get when running as root on Debian; otherwise says what to install.
 */
export function ensureSystemPackages(packages) {
  const missing = packages.filter(({ binary }) => !onPath(binary)).map(({ pkg }) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    fail(
      `missing ${missing.join(' and ')}: install them (Debian: sudo apt-get install ${missing.join(' ')}) and run again`,
    );
  }
  console.log(`setup: installing ${missing.join(', ')} with apt-get`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) fail('apt-get update failed');
  if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env }) !== 0) {
    fail(`apt-get install ${missing.join(' ')} failed`);
  }
}

/** The newest modification time under the folders that make up the Next.js build. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'server', 'public']) walk(join(root, dir));
  for (const file of ['next.config.js', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json']) {
    newest = Math.max(newest, mtime(join(root, file)));
  }
  return newest;
}

/** Builds the Next.js app unless a build newer than every source file exists (or `force`). */
export function ensureBuild({ force = false } = {}) {
  if (!force && mtime(join(root, '.next', 'BUILD_ID')) > newestSource()) return 0;
  console.log('setup: building the dashboard (next build)');
  return run('npm', ['run', '--silent', 'build']);
}

/** Prints one line and exits non-zero. */
export function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}
