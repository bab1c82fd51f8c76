'use client';

import type { ReactNode } from 'react';
import type { RouteForm } from '@/lib/editor/virtual-service-form';
import { DestinationFields } from './vs-destinations';
import { MatchFields } from './vs-match';
import { ResilienceFields } from './vs-resilience';
import { AddButton, Field, INPUT, removeAt, replaceAt } from './ui';

/** One HTTP route: its name, conditions, destinations and resilience settings. */
export function RouteFields(props: {
  route: RouteForm;
  onChange: (route: RouteForm) => void;
  defaultHost: string;
}): ReactNode {
  const { route, onChange } = props;
  return (
    <div className="space-y-3">
      <Field label="Name (optional)">
        <input
          type="text"
          data-testid="vs-route-name"
          value={route.name}
          onChange={(e) => onChange({ ...route, name: e.target.value })}
          className={`${INPUT} w-56`}
        />
      </Field>
      <div className="space-y-1">
        <p className="text-xs text-slate-500">
          {route.matches.length === 0
            ? 'Applies to every request (no condition).'
            : 'Applies to requests that meet any one of these condition sets:'}
        </p>
        {route.matches.map((match, i) => (
          <MatchFields
            key={i}
            match={match}
            onChange={(m) => onChange({ ...route, matches: replaceAt(route.matches, i, m) })}
            onRemove={() => onChange({ ...route, matches: removeAt(route.matches, i) })}
          />
        ))}
        <AddButton
          label="condition"
          testId="vs-add-match"
          onClick={() =>
            onChange({
              ...route,
              matches: [...route.matches, { raw: {}, uri: { type: 'prefix', value: '/' }, headers: [] }],
            })
          }
        />
      </div>
      <div>
        <p className="mb-1 text-xs text-slate-500">Destinations</p>
        <DestinationFields
          destinations={route.destinations}
          defaultHost={props.defaultHost}
          onChange={(destinations) => onChange({ ...route, destinations })}
        />
      </div>
      <ResilienceFields route={route} onChange={onChange} />
    </div>
  );
}
