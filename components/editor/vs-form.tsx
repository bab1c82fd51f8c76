'use client';

import { useMemo, type ReactNode } from 'react';
import {
  applyVirtualServiceForm,
  newRoute,
  readVirtualServiceForm,
  type VirtualServiceForm,
} from '@/lib/editor/virtual-service-form';
import type { JsonObject } from '@/lib/write/types';
import { ListInput } from './list-input';
import { VS_ROUTE_HINT } from './form-words';
import { RouteFields } from './vs-route';
import { AddButton, Box, Field, RemoveButton, removeAt, replaceAt } from './ui';

/** The VirtualService form: hosts and HTTP routes. Fields it does not show stay in the object as they are. */
export function VirtualServiceFormView(props: {
  object: JsonObject;
  onChange: (object: JsonObject) => void;
}): ReactNode {
  const form = useMemo(() => readVirtualServiceForm(props.object), [props.object]);
  const change = (next: VirtualServiceForm): void =>
    props.onChange(applyVirtualServiceForm(props.object, next));
  const defaultHost = form.hosts[0] ?? '';
  return (
    <div data-testid="vs-form" className="space-y-3">
      <Field label="Hosts (the Services this routes, comma-separated)">
        <ListInput
          label="Hosts"
          testId="vs-hosts"
          value={form.hosts}
          placeholder="reviews"
          onChange={(hosts) => change({ ...form, hosts })}
        />
      </Field>
      <p className="text-xs text-slate-500">{VS_ROUTE_HINT}</p>
      {form.routes.map((route, i) => (
        <Box
          key={i}
          testId="vs-route"
          title={`Route ${i + 1}${route.name ? `: ${route.name}` : ''}`}
          actions={
            <RemoveButton
              what={`route ${i + 1}`}
              onClick={() => change({ ...form, routes: removeAt(form.routes, i) })}
            />
          }
        >
          <RouteFields
            route={route}
            defaultHost={defaultHost}
            onChange={(r) => change({ ...form, routes: replaceAt(form.routes, i, r) })}
          />
        </Box>
      ))}
      <AddButton
        label="route"
        testId="vs-add-route"
        onClick={() => change({ ...form, routes: [...form.routes, newRoute(defaultHost)] })}
      />
    </div>
  );
}
