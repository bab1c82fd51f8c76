/** The demo command's flags. */
export interface DemoArgs {
  /** The dashboard's port on 127.0.0.1; 0 picks a free one. */
  port: number;
}

/** A flag that is unknown or malformed; the message is one line for the terminal. */
export class DemoArgsError extends Error {}

/** Parses `--port N` (also `--port=N`). Throws {@link DemoArgsError} with one line on anything else. */
export function parseDemoArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = { port: 3000 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    switch (flag) {
      case '--port':
        args.port = port(value);
        break;
      default:
        throw new DemoArgsError(`unknown flag ${JSON.stringify(arg)}; usage: npm run demo -- [--port N]`);
    }
  }
  return args;
}

function port(value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65_535) {
    throw new DemoArgsError(`--port needs a port number from 0 to 65535, not ${JSON.stringify(value ?? '')}`);
  }
  return n;
}
