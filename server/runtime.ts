/** The oldest Node.js the dashboard runs on: @kubernetes/client-node 2.x (its undici) needs 22.19. */
export const MIN_NODE = [22, 19] as const;

/** True when `version` (like `v20.20.2` or `24.21.0`) is at least {@link MIN_NODE}. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/**
 * Ends the process with one line when it runs on a Node.js that is too old (for example the system's Node 20
 * instead of the project's own Node 24, when a script is started without npm).
 */
export function exitUnlessSupportedNode(): void {
  if (isSupportedNode(process.version)) return;
  process.stderr.write(
    `meshlens: Node.js ${process.version} is too old; it needs ${MIN_NODE.join('.')} or newer. ` +
      'Start it with npm (npm run demo, npm start), which uses the project’s own Node.js.\n',
  );
  process.exit(1);
}
