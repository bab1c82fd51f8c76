/**
 * `npm run bench`: prints benchmark figures as JSON. Parser and graph figures are medians of repeated runs on this
 * machine; compare the ratios inside one run (a larger answer against a smaller one), never absolute times across
 * machines. `browser` is one run of the graph page at scale 1000 in Chromium, against the targets
 * (`{skipped}` when Chromium or Prometheus is missing or the test fails).
 */
import { browserFigures } from './browser';
import { graphFigures } from './graph';
import { round, type Figure } from './measure';
import { parserFigures } from './parsers';

function scaling(figures: Figure[]): Record<string, number> {
  const byName = new Map<string, Figure[]>();
  for (const f of figures) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const ratios: Record<string, number> = {};
  for (const [name, list] of byName) {
    const [small, large] = [...list].sort((a, b) => a.size - b.size);
    if (small && large && large !== small) {
      // Time per item at the large size over time per item at the small size: 1.0 is perfectly linear.
      ratios[name] = round(large.medianMs / large.size / (small.medianMs / small.size));
    }
  }
  return ratios;
}

const figures = parserFigures();
// After the parsers: it starts a demo mesh and a real Prometheus, whose background work would disturb their figures.
const graph = await graphFigures();
// After the graph figures, whose mesh and Prometheus are stopped by then: the page at scale 1000 in Chromium, through
// the e2e test that measures it (its own demo mesh, Prometheus and browser, in child processes).
const browser = await browserFigures();
console.log(
  JSON.stringify({ figures, perItemCostRatioLargeOverSmall: scaling(figures), graph, browser }, null, 2),
);
