// `npm run demo`: the dashboard on the embedded demo mesh, from a fresh clone.
// Installs the npm dependencies and builds the app when needed, then hands over to the TypeScript launcher,
// which runs on the project's own Node 24.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, ensureNpmDependencies, fail, projectEnv, root } from './lib/bootstrap.mjs';

ensureNpmDependencies();
if (ensureBuild() !== 0) fail('next build failed; see the output above');

const child = spawn(
  join(root, 'node_modules', '.bin', 'tsx'),
  [join(root, 'server', 'demo', 'launch.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: projectEnv({ NODE_ENV: 'production' }),
  },
);
// Pass a stop signal on once (a terminal's Ctrl-C also reaches the child directly); the child cleans up and exits.
let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!forwarded) child.kill(signal);
    forwarded = true;
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
