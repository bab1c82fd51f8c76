import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import { parseSettings, SettingsError } from './parse-settings';
import type { Settings } from './types';

export type * from './types';
export { SettingsError } from './parse-settings';

const key = Symbol.for('meshlens.settings');
type Holder = { [key]?: Settings };

/**
 * The validated settings, read from the environment once per process and then kept (on globalThis, because
 * Next.js may evaluate this module more than once). Throws a {@link SettingsError} when a setting is wrong.
 */
export function settings(): Settings {
  const holder = globalThis as Holder;
  holder[key] ??= parseSettings(process.env, {
    exists: (path) => existsSync(path),
    readText: (path) => readFileSync(path, 'utf8'),
  });
  return holder[key];
}

/**
 * Validates the settings at start-up and, when one is wrong, ends the process with one line that says what to set
 * (no stack trace). Called from `instrumentation.ts` and the demo launcher.
 */
export function settingsOrExit(): Settings {
  try {
    return settings();
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`meshlens: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
