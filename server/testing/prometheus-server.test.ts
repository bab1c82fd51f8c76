import { describe, expect, it } from 'vitest';
import { startPrometheusServer } from './prometheus-server';

describe('startPrometheusServer', () => {
  it('says in one line how to get the binary when it is missing', async () => {
    const started = startPrometheusServer({ targets: [], binary: '/nonexistent/prometheus' });
    await expect(started).rejects.toThrow(
      "/nonexistent/prometheus is missing or not executable: install Debian's prometheus package",
    );
    await expect(started).rejects.toThrow(/^[^\n]*$/);
  });
});
