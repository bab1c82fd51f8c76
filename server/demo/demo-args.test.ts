import { describe, expect, it } from 'vitest';
import { DemoArgsError, parseDemoArgs } from './demo-args';

describe('parseDemoArgs', () => {
  it('has defaults: port 3000, the bookinfo world, a Prometheus if one is installed', () => {
    expect(parseDemoArgs([])).toEqual({
      port: 3000,
      seed: 'meshlens',
      scale: 0,
      prometheus: { mode: 'auto' },
      auth: 'anonymous',
    });
  });

  it('reads every flag in both spellings', () => {
    expect(
      parseDemoArgs([
        '--port',
        '8080',
        '--seed=7',
        '--scale',
        '1000',
        '--prometheus',
        '/opt/prom/prometheus',
        '--auth',
        'token',
      ]),
    ).toEqual({
      port: 8080,
      seed: '7',
      scale: 1000,
      prometheus: { mode: 'path', path: '/opt/prom/prometheus' },
      auth: 'token',
    });
    expect(parseDemoArgs(['--port=0', '--prometheus=off'])).toMatchObject({
      port: 0,
      prometheus: { mode: 'off' },
    });
  });

  it.each([
    [['--colour'], /unknown flag "--colour"; usage/],
    [['--port', 'http'], /--port needs a port number/],
    [['--port'], /--port needs a port number/],
    [['--port', '70000'], /--port needs a port number/],
    [['--scale', '-5'], /--scale needs a number of workloads/],
    [['--scale', '1.5'], /--scale needs a number of workloads/],
    [['--seed'], /--seed needs a value/],
    [['--prometheus'], /--prometheus needs auto, off or a path/],
    [['--auth', 'openid'], /--auth needs anonymous, token or header, not "openid"/],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parseDemoArgs(argv)).toThrow(DemoArgsError);
    expect(() => parseDemoArgs(argv)).toThrow(message);
  });
});
