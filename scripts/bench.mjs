// `npm run bench`: installs what is missing, then runs the benchmarks on the project's Node and prints JSON.
import { ensureNpmDependencies, fail, run } from './lib/bootstrap.mjs';

ensureNpmDependencies();
// The server modules guard against browser bundling with `server-only`; the react-server condition lets them load
// here exactly as they do in Next.js's server bundles.
if (run('tsx', ['--conditions=react-server', 'scripts/bench/main.ts']) !== 0) fail('a benchmark failed');
