/**
 * Runs once when the Next.js server starts: a wrong or missing setting stops start-up here, with one line that
 * says what to set, instead of failing later on the first request. Then the sources are built, so that the
 * Kubernetes watch cache starts filling before the first page asks for it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { exitUnlessSupportedNode } = await import('./server/runtime');
  exitUnlessSupportedNode();
  const { settingsOrExit } = await import('./server/settings');
  settingsOrExit();
  const { sources } = await import('./server/sources/registry');
  sources();
}
