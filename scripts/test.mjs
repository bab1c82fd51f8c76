// The whole test suite, from a fresh clone: `npm test`.
// Sets up what is missing (npm dependencies; Debian's chromium and prometheus when run as root), then runs lint,
// type check, unit, integration and end-to-end tests, and ends with one line: "total: N passed, N failed".
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, ensureNpmDependencies, ensureSystemPackages, root, run } from './lib/bootstrap.mjs';

const reports = join(root, '.test-reports');

ensureNpmDependencies();
ensureSystemPackages([
  { binary: 'chromium', pkg: 'chromium' },
  { binary: 'prometheus', pkg: 'prometheus' },
]);
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** @type {{name: string, passed: number, failed: number, skipped?: number, note?: string}[]} */
const results = [];

function check(name, command, args) {
  console.log(`\n=== ${name} ===`);
  const ok = run(command, args) === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: ok ? 'ok' : 'FAILED' });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(reports, file), 'utf8'));
  } catch {
    return null;
  }
}

function vitest(name, project) {
  console.log(`\n=== ${name} tests ===`);
  const file = `${project}.json`;
  const code = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, file)}`,
  ]);
  const report = readJson(file);
  const passed = report?.numPassedTests ?? 0;
  const failed = (report?.numFailedTests ?? 0) + (code !== 0 && !report?.numFailedTests ? 1 : 0);
  results.push({ name, passed, failed, skipped: report?.numPendingTests ?? 0 });
}

function playwright() {
  console.log('\n=== build ===');
  if (ensureBuild({ force: true }) !== 0) {
    results.push({ name: 'e2e', passed: 0, failed: 1, note: 'next build failed' });
    return;
  }
  console.log('\n=== e2e tests ===');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
  });
  const stats = readJson('e2e.json')?.stats;
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = (stats?.unexpected ?? 0) + (code !== 0 && !stats?.unexpected ? 1 : 0);
  results.push({ name: 'e2e', passed, failed, skipped: stats?.skipped ?? 0 });
}

check('lint', 'npm', ['run', '--silent', 'lint']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
vitest('unit', 'unit');
vitest('integration', 'integration');
playwright();

console.log('\n=== summary ===');
for (const r of results) {
  const counts =
    r.note ?? `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(`${r.name.padEnd(12)} ${counts}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
