import { describe, expect, it } from 'vitest';
import { DemoArgsError, parseDemoArgs } from './demo-args';

describe('parseDemoArgs', () => {
  it('defaults to port 3000 and reads --port in both spellings', () => {
    expect(parseDemoArgs([])).toEqual({ port: 3000 });
    expect(parseDemoArgs(['--port', '8080'])).toEqual({ port: 8080 });
    expect(parseDemoArgs(['--port=0'])).toEqual({ port: 0 });
  });

  it('refuses unknown flags and bad ports with one line', () => {
    expect(() => parseDemoArgs(['--colour'])).toThrow(DemoArgsError);
    expect(() => parseDemoArgs(['--port', 'http'])).toThrow(/port number/);
    expect(() => parseDemoArgs(['--port'])).toThrow(/port number/);
    expect(() => parseDemoArgs(['--port', '70000'])).toThrow(/port number/);
  });
});
