/**
 * Measures what one `/metrics` scrape of a generated mesh costs: `npx tsx server/demo/telemetry/exposition/measure-scrape.ts
 * [workloads=1000] [ticks=30]`. Builds `scaledWorld(workloads)`, records `ticks` ten-second ticks of its traffic,
 * then times prom-client's own render and scrapes over HTTP (plain, gzip, two gzip at once), each with the longest
 * event-loop block seen meanwhile. Reports figures only; asserts nothing. Takes about 1 GB at 1,000 workloads.
 */
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { ResourceStore } from '../../apiserver';
import { simulateTick } from '../../engine';
import { cachedMeshConfigReader } from '../../mesh-config-reader';
import { forkRandom } from '@/lib/random';
import { materializeWorld, scaledWorld, startControllers } from '../../world';
import { createDemoTelemetry, type DemoTelemetry } from '../demo-telemetry';
import { startMetricsServer } from '../metrics-server';

/** What one measured phase took. */
interface Figures {
  ms: number;
  /** Process CPU (all threads: the event loop, zlib's pool, the garbage collector), ms. */
  cpuMs: number;
  longestBlockMs: number;
  bytes: number;
}

const MB = 1024 * 1024;

/**
 * Runs `work` while a 1 ms timer watches the event loop: the longest gap between two firings is the longest block.
 * (`perf_hooks.monitorEventLoopDelay` misses synchronous blocks on Node 24, so this probe is hand-made.)
 */
async function measured(work: () => Promise<number>): Promise<Figures> {
  let longest = 0;
  let last = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const probe = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(probe, 1);
  };
  probe();
  longest = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const bytes = await work();
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  // Let the probe fire once more, so that a block at the very end is counted.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearTimeout(timer);
  return { ms, cpuMs: (user + system) / 1000, longestBlockMs: longest, bytes };
}

/** GETs `url`, counting the body's bytes as they arrive on the wire (not decompressed). */
function scrape(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function line(label: string, f: Figures): string {
  const size = f.bytes > 10 * MB ? `${(f.bytes / MB).toFixed(1)} MB` : `${(f.bytes / 1024).toFixed(0)} KB`;
  const ms = (n: number): string => `${n.toFixed(0).padStart(5)} ms`;
  return `${label.padEnd(34)} ${ms(f.ms)}  cpu ${ms(f.cpuMs)}  longest block ${ms(f.longestBlockMs)}  ${size}`;
}

async function recordedMesh(workloads: number, ticks: number, seed: string): Promise<DemoTelemetry> {
  const world = scaledWorld(workloads, seed);
  const store = new ResourceStore({ seed });
  materializeWorld(world, store);
  const controllers = startControllers(store, { random: forkRandom(seed, 'controllers') });
  const telemetry = createDemoTelemetry({ random: forkRandom(seed, 'telemetry') });
  const readConfig = cachedMeshConfigReader(store);
  const start = Date.now() - ticks * 10_000;
  const began = performance.now();
  for (let i = 1; i <= ticks; i++) {
    const random = forkRandom(seed, `tick:${i}`);
    telemetry.record(
      simulateTick(world.behaviour, readConfig(), { atMs: start + i * 10_000, seconds: 10, random }),
    );
  }
  controllers.stop();
  const perTick = (performance.now() - began) / ticks;
  console.log(`${workloads} workloads, ${ticks} ticks (${perTick.toFixed(0)} ms per tick)`);
  const families = Object.values(telemetry.store.families);
  const samples = families.reduce((n, f) => n + f.live.size * (f.spec.kind === 'counter' ? 1 : f.width), 0);
  console.log(`${telemetry.store.liveSeriesCount()} exported series, ${samples} samples:`);
  console.log(families.map((f) => `  ${f.spec.name} ${f.live.size}`).join('\n'));
  return telemetry;
}

async function main(): Promise<void> {
  const workloads = Number(process.argv[2] ?? 1000);
  const ticks = Number(process.argv[3] ?? 30);
  const telemetry = await recordedMesh(workloads, ticks, 'measure');
  const { registry } = telemetry;
  const server = await startMetricsServer(registry);
  try {
    const render = (): Promise<number> =>
      Registry.prototype.metrics.call(registry).then((text) => Buffer.byteLength(text));
    console.log(line('prom-client render (in process)', await measured(render)));
    if (registry.metrics !== Registry.prototype.metrics) {
      // `length`, not `Buffer.byteLength`: the latter would flatten the 200 MB string inside the measurement.
      const own = (): Promise<number> => registry.metrics().then((text) => text.length);
      console.log(line('registry.metrics() (in process)', await measured(own)));
    }
    // A new tick, so that the scrapes below do not reuse a render of the one before.
    telemetry.record({ atMs: Date.now(), seconds: 1, flows: [], traces: [] });
    console.log(line('scrape, identity', await measured(() => scrape(server.url, 'identity'))));
    telemetry.record({ atMs: Date.now() + 1, seconds: 1, flows: [], traces: [] });
    console.log(line('scrape, gzip', await measured(() => scrape(server.url, 'gzip'))));
    console.log(line('scrape, gzip, same tick again', await measured(() => scrape(server.url, 'gzip'))));
    telemetry.record({ atMs: Date.now() + 2, seconds: 1, flows: [], traces: [] });
    const both = (): Promise<number> =>
      Promise.all([scrape(server.url, 'gzip'), scrape(server.url, 'gzip')]).then(([a, b]) => a + b);
    console.log(line('two concurrent gzip scrapes (sum)', await measured(both)));
    const { heapUsed, rss } = process.memoryUsage();
    console.log(`heap ${(heapUsed / MB).toFixed(0)} MB, rss ${(rss / MB).toFixed(0)} MB`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
