import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPrometheus } from './find-prometheus';

const dir = mkdtempSync(join(tmpdir(), 'find-prometheus-'));
const binary = join(dir, 'prometheus');
writeFileSync(binary, '#!/bin/sh\n');
chmodSync(binary, 0o755);
const notExecutable = join(dir, 'plain');
writeFileSync(notExecutable, '');

describe('findPrometheus', () => {
  it('finds prometheus on PATH in auto mode, and nothing when it is absent or off', () => {
    expect(findPrometheus({ mode: 'auto' }, `/nonexistent:${dir}`)).toBe(binary);
    expect(findPrometheus({ mode: 'auto' }, '/nonexistent')).toBeNull();
    expect(findPrometheus({ mode: 'off' }, dir)).toBeNull();
  });

  it('takes a given path only when it is executable', () => {
    expect(findPrometheus({ mode: 'path', path: binary })).toBe(binary);
    expect(() => findPrometheus({ mode: 'path', path: notExecutable })).toThrow(/not an executable file/);
  });
});
