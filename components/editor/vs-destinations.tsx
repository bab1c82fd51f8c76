'use client';

import type { ReactNode } from 'react';
import { weightSum, type DestinationForm } from '@/lib/editor/virtual-service-form';
import { NumberInput } from './number-input';
import { AddButton, INPUT, RemoveButton, removeAt, replaceAt } from './ui';

/** The weighted destinations of a route, with what their weights add up to (red unless 100). */
export function DestinationFields(props: {
  destinations: DestinationForm[];
  onChange: (destinations: DestinationForm[]) => void;
  defaultHost: string;
}): ReactNode {
  const { destinations, onChange } = props;
  const sum = weightSum(destinations);
  const off = destinations.length > 0 && sum !== 100;
  return (
    <div className="space-y-1">
      {destinations.map((d, i) => (
        <div key={i} data-testid="vs-destination" className="flex flex-wrap items-center gap-2 text-sm">
          <input
            type="text"
            aria-label="Destination host"
            data-testid="vs-destination-host"
            value={d.host}
            placeholder="reviews"
            onChange={(e) => onChange(replaceAt(destinations, i, { ...d, host: e.target.value }))}
            className={`${INPUT} min-w-40 flex-1`}
          />
          <input
            type="text"
            aria-label="Destination subset"
            data-testid="vs-destination-subset"
            value={d.subset}
            placeholder="subset (optional)"
            onChange={(e) => onChange(replaceAt(destinations, i, { ...d, subset: e.target.value }))}
            className={`${INPUT} w-32`}
          />
          <NumberInput
            label="Weight"
            testId="vs-destination-weight"
            value={d.weight}
            min={0}
            max={100}
            step={1}
            onChange={(weight) => onChange(replaceAt(destinations, i, { ...d, weight }))}
          />
          <span className="text-xs text-slate-500">%</span>
          <RemoveButton what={`destination ${d.host}`} onClick={() => onChange(removeAt(destinations, i))} />
        </div>
      ))}
      <div className="flex items-center gap-3">
        <AddButton
          label="destination"
          testId="vs-add-destination"
          onClick={() =>
            onChange([...destinations, { raw: {}, host: props.defaultHost, subset: '', weight: 0 }])
          }
        />
        <span
          data-testid="vs-weight-sum"
          data-sum={sum}
          className={`text-xs ${off ? 'font-semibold text-red-700 dark:text-red-400' : 'text-slate-500'}`}
        >
          weights add up to {sum}%{off ? ' — they must add up to 100' : ''}
        </span>
      </div>
    </div>
  );
}
