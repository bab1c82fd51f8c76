/** How the demo reads metrics: a real Prometheus found on PATH (`auto`), none (`off`), or a given binary. */
export type PrometheusChoice = { mode: 'auto' } | { mode: 'off' } | { mode: 'path'; path: string };

/** The demo command's flags. */
export interface DemoArgs {
  /** The dashboard's port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Makes the world and its traffic reproducible. */
  seed: string;
  /** About this many workloads in a generated mesh; 0 for the default bookinfo world. */
  scale: number;
  prometheus: PrometheusChoice;
  /**
   * `anonymous` (the default: nobody signs in), `token` (sign in with a demo user's token) or `header` (as behind an
   * authenticating proxy). With token or header, the demo API server enforces RBAC for the demo users.
   */
  auth: 'anonymous' | 'token' | 'header';
}

/** A flag that is unknown or malformed; the message is one line for the terminal. */
export class DemoArgsError extends Error {}

const USAGE =
  'usage: npm run demo -- [--port N] [--seed S] [--scale N] [--prometheus auto|off|PATH] [--auth anonymous|token|header]';

/** Each flag's parser; the table is the documentation. */
const FLAGS: Record<string, (value: string | undefined, args: DemoArgs) => void> = {
  '--port': (value, args) => {
    args.port = integer('--port', value, 0, 65_535, 'a port number');
  },
  '--seed': (value, args) => {
    if (value === undefined || value === '') throw new DemoArgsError(`--seed needs a value; ${USAGE}`);
    args.seed = value;
  },
  '--scale': (value, args) => {
    args.scale = integer('--scale', value, 0, 20_000, 'a number of workloads');
  },
  '--prometheus': (value, args) => {
    if (value === undefined || value === '')
      throw new DemoArgsError(`--prometheus needs auto, off or a path`);
    args.prometheus = value === 'auto' || value === 'off' ? { mode: value } : { mode: 'path', path: value };
  },
  '--auth': (value, args) => {
    if (value !== 'anonymous' && value !== 'token' && value !== 'header') {
      throw new DemoArgsError(`--auth needs anonymous, token or header, not ${JSON.stringify(value ?? '')}`);
    }
    args.auth = value;
  },
};

/** Parses the flags (`--flag value` or `--flag=value`). Throws {@link DemoArgsError} with one line on anything else. */
export function parseDemoArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = {
    port: 3000,
    seed: 'meshlens',
    scale: 0,
    prometheus: { mode: 'auto' },
    auth: 'anonymous',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const at = arg.indexOf('=');
    const flag = at < 0 ? arg : arg.slice(0, at);
    const parse = FLAGS[flag];
    if (!parse) throw new DemoArgsError(`unknown flag ${JSON.stringify(arg)}; ${USAGE}`);
    if (at < 0) i += 1;
    parse(at < 0 ? argv[i] : arg.slice(at + 1), args);
  }
  return args;
}

function integer(flag: string, value: string | undefined, min: number, max: number, what: string): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new DemoArgsError(
      `${flag} needs ${what} from ${min} to ${max}, not ${JSON.stringify(value ?? '')}`,
    );
  }
  return n;
}
