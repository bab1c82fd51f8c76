import { describe, expect, it } from 'vitest';
import { lastLines, parseFiguresLine } from './browser';

// Printed by e2e/graph.spec.ts 'a thousand workloads: first picture, refresh and panning' in a real run (of
// `npm run bench`, on a loaded two-core machine).
const LINE =
  '1,000 workloads, 3946 elements (ms since navigation): answer in at 2403, sync done at 6428 (3505.9 ms), ' +
  'first frame by 9308; long tasks after the answer [start, ms]: ' +
  '[[2414,134],[2636,50],[2687,4212],[6899,1626],[8579,195],[8795,143],[9198,59]]; refresh sync 138.7 ms; ' +
  '44 frames/s while panning';
const TASKS = '[[2414,134],[2636,50],[2687,4212],[6899,1626],[8579,195],[8795,143],[9198,59]]';

describe('parseFiguresLine', () => {
  it('reads every figure of the line and judges it against the targets', () => {
    expect(parseFiguresLine(LINE)).toEqual({
      scale: 1000,
      elements: 3946,
      navigationToAnswerMs: 2403,
      firstSyncMs: 3505.9,
      syncDoneAtMs: 6428,
      firstFrameMs: 9308,
      longTasks: [
        [2414, 134],
        [2636, 50],
        [2687, 4212],
        [6899, 1626],
        [8579, 195],
        [8795, 143],
        [9198, 59],
      ],
      refreshSyncMs: 138.7,
      panningFps: 44,
      targets: { firstRenderMs: 2000, refreshMs: 100, fps: 30 },
      met: { firstRender: false, refresh: false, fps: true },
      note: expect.stringContaining('upper bound') as string,
    });
  });

  it('finds the line inside the line reporter output, colours and all', () => {
    const output = [
      '',
      'Running 1 test using 1 worker',
      '\x1b[1A\x1b[2K[1/1] [graph] › e2e/graph.spec.ts:341:3 › graph page, demo mesh › a thousand workloads',
      '\x1b[2m[graph] › e2e/graph.spec.ts:341:3 › graph page, demo mesh › a thousand workloads\x1b[22m',
      LINE,
      '',
      '\x1b[1A\x1b[2K  \x1b[32m1 passed\x1b[39m\x1b[2m (48.2s)\x1b[22m',
      '',
    ].join('\n');
    expect(parseFiguresLine(output)).toMatchObject({ elements: 3946, refreshSyncMs: 138.7, panningFps: 44 });
  });

  it('takes a page that never saw the answer and no long tasks, and meets every target', () => {
    const line = LINE.replace('answer in at 2403', 'answer in at -1')
      .replace('first frame by 9308', 'first frame by 2000')
      .replace(TASKS, '[]')
      .replace('refresh sync 138.7 ms', 'refresh sync 99.9 ms')
      .replace('44 frames/s', '30 frames/s');
    expect(parseFiguresLine(line)).toMatchObject({
      navigationToAnswerMs: -1,
      longTasks: [],
      met: { firstRender: true, refresh: true, fps: true },
    });
  });

  it('judges the refresh target on the refresh sync and fps on panning', () => {
    const line = LINE.replace('refresh sync 138.7 ms', 'refresh sync 100 ms').replace(
      '44 frames/s',
      '29 frames/s',
    );
    expect(parseFiguresLine(line)?.met).toEqual({ firstRender: false, refresh: true, fps: false });
  });

  it('answers null without a well-formed line', () => {
    expect(parseFiguresLine('')).toBeNull();
    expect(parseFiguresLine('1 passed (40s)')).toBeNull();
    expect(parseFiguresLine(LINE.replace('(3505.9 ms)', '(NaN ms)'))).toBeNull();
    expect(parseFiguresLine(LINE.replace(TASKS, '[[2414]]'))).toBeNull();
    expect(parseFiguresLine(LINE.replace(TASKS, '[oops]'))).toBeNull();
  });
});

describe('lastLines', () => {
  it('keeps the last non-empty lines without colours', () => {
    expect(lastLines('a\n\n\x1b[31mb\x1b[39m  \r\nc\n', 2)).toEqual(['b', 'c']);
  });
});
