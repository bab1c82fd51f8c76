import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { PrometheusChoice } from './demo-args';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Prometheus binary the demo should start, or null for the direct source: `off` never, `auto` the first
 * `prometheus` on PATH if any, a path that binary (an error if it is not executable).
 */
export function findPrometheus(choice: PrometheusChoice, path = process.env.PATH ?? ''): string | null {
  if (choice.mode === 'off') return null;
  if (choice.mode === 'path') {
    if (!executable(choice.path)) throw new Error(`--prometheus ${choice.path}: not an executable file`);
    return choice.path;
  }
  for (const dir of path.split(delimiter)) {
    if (dir !== '' && executable(join(dir, 'prometheus'))) return join(dir, 'prometheus');
  }
  return null;
}
