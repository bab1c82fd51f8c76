/** Reading single environment variables: the helpers every settings parser shares (pure). */

/** The environment as a plain record, so that parsing stays pure and testable. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A setting that is wrong or missing. The message is one line that says what to set. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** `true`/`1`, `false`/`0`, or undefined when unset. */
export function parseBool(env: Env, variable: string): boolean | undefined {
  const raw = nonEmpty(env[variable])?.toLowerCase();
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new SettingsError(variable, `${variable}=${JSON.stringify(raw)} must be true or false`);
}

/** The trimmed value, or undefined when unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
