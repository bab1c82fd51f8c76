'use client';

import type { ReactNode } from 'react';
import type { GraphLayers, GraphType } from '@/lib/graph/types';
import type { LabelMode } from '@/lib/graph/view';
import { ExpressionInput } from './expression-input';
import { GRAPH_TYPES, LABEL_MODES, LAYERS, type GraphOptions } from './graph-options';
import { LabeledSelect } from '@/components/ui/labeled-select';

const TYPE_TEXT: Record<GraphType, string> = { workload: 'Workloads', app: 'Apps', service: 'Services' };
const LAYER_TEXT: Record<GraphLayers, string> = { both: 'L4 + L7', l7: 'L7 only', l4: 'L4 only' };
const LABEL_TEXT: Record<LabelMode, string> = {
  rps: 'Traffic (rps, bytes)',
  errors: 'Error %',
  p95: 'p95 latency',
  mtls: 'mTLS',
  none: 'No labels',
};

type ParseError = { message: string; column: number } | null;

function Toggle(props: {
  label: string;
  testId: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}): ReactNode {
  return (
    <label className="flex items-center gap-1 whitespace-nowrap">
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

const BUTTON =
  'rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** The graph's controls: what to draw, how to label it, find and hide, animation, layout and export. */
export function GraphToolbar(props: {
  options: GraphOptions;
  onChange: (change: Partial<GraphOptions>) => void;
  findError: ParseError;
  hideError: ParseError;
  found: number;
  hidden: { nodes: number; edges: number };
  /** A graph is drawn: fit, re-layout and export have something to work on. */
  canExport: boolean;
  onFit: () => void;
  onRelayout: () => void;
  onExportPng: () => void;
  onExportJson: () => void;
}): ReactNode {
  const { options, onChange } = props;
  const hidden = props.hidden.nodes + props.hidden.edges;
  return (
    <div
      data-testid="graph-toolbar"
      className="mb-2 flex flex-wrap items-start gap-x-4 gap-y-2 rounded border border-slate-200 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <LabeledSelect
        label="Show"
        testId="graph-type-select"
        value={options.graphType}
        keys={GRAPH_TYPES}
        text={(key) => TYPE_TEXT[key]}
        onChange={(graphType) => onChange({ graphType })}
      />
      <LabeledSelect
        label="Layers"
        testId="graph-layers-select"
        value={options.layers}
        keys={LAYERS}
        text={(key) => LAYER_TEXT[key]}
        onChange={(layers) => onChange({ layers })}
      />
      <LabeledSelect
        label="Edge labels"
        testId="graph-label-select"
        value={options.labelMode}
        keys={LABEL_MODES}
        text={(key) => LABEL_TEXT[key]}
        onChange={(labelMode) => onChange({ labelMode })}
      />
      <div className="flex items-center gap-3 pt-1">
        <Toggle
          label="Waypoints"
          testId="graph-waypoints-toggle"
          checked={options.showWaypoints}
          onChange={(showWaypoints) => onChange({ showWaypoints })}
        />
        <Toggle
          label="Animate traffic"
          testId="graph-animate-toggle"
          checked={options.animate}
          onChange={(animate) => onChange({ animate })}
        />
      </div>
      <ExpressionInput
        label="Find"
        testId="graph-find-input"
        value={options.find}
        placeholder="errorRate > 5%"
        error={props.findError}
        summary={options.find === '' ? '' : `${props.found} found`}
        onCommit={(find) => onChange({ find })}
      />
      <ExpressionInput
        label="Hide"
        testId="graph-hide-input"
        value={options.hide}
        placeholder="ns = kube-system"
        error={props.hideError}
        summary={options.hide === '' ? '' : `${hidden} hidden`}
        onCommit={(hide) => onChange({ hide })}
      />
      <div className="ml-auto flex items-center gap-1">
        <button
          type="button"
          className={BUTTON}
          disabled={!props.canExport}
          onClick={props.onFit}
          data-testid="graph-fit"
        >
          Fit
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={!props.canExport}
          onClick={props.onRelayout}
          data-testid="graph-relayout"
        >
          Re-layout
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={!props.canExport}
          onClick={props.onExportPng}
          data-testid="graph-export-png"
        >
          PNG
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={!props.canExport}
          onClick={props.onExportJson}
          data-testid="graph-export-json"
        >
          JSON
        </button>
      </div>
    </div>
  );
}
