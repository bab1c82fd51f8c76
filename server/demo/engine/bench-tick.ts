/**
 * Times `simulateTick` on a generated mesh (not a test; timings are never asserted). Run with
 * `npx tsx server/demo/engine/bench-tick.ts [workloads]`; prints JSON: the median tick after a config change
 * (indexes, plans and statistics rebuilt), the median tick on an unchanged config object (memoized), and the flow
 * and trace counts.
 */
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@/lib/random';
import { scaledMesh } from './__fixtures__/scaled-mesh';
import { simulateTick } from './simulate-tick';

const size = Number(process.argv[2] ?? 1_000);
const { config, behaviour } = scaledMesh(size);
const run = (cfg: typeof config, i: number) =>
  simulateTick(behaviour, cfg, {
    atMs: 1_750_000_000_000 + i * 1_000,
    seconds: 1,
    random: seededRandom(`bench/${i}`),
  });

// Every third tick follows a store change (a new MeshConfig with new arrays: nothing memoized survives), the
// others reuse the config object as the demo's config reader does; the first rounds warm the JIT up.
const cold: number[] = [];
const warm: number[] = [];
let current = config;
let last = run(current, 0);
for (let i = 1; i <= 45; i++) {
  const changed = i % 3 === 0;
  if (changed)
    current = Object.fromEntries(
      Object.entries(config).map(([k, v]) => [k, [...v]]),
    ) as unknown as typeof config;
  const start = performance.now();
  last = run(current, i);
  if (i > 9) (changed ? cold : warm).push(performance.now() - start);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
  JSON.stringify({
    workloads: behaviour.workloads.length,
    pods: config.pods.length,
    calls: behaviour.calls.length,
    sources: behaviour.sources.length,
    flows: last.flows.length,
    traces: last.traces.length,
    coldTickMs: Number(median(cold).toFixed(1)),
    warmTickMs: Number(median(warm).toFixed(1)),
  }),
);
