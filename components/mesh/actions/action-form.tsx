import type { ReactNode } from 'react';
import { ISTIO_KEYS, WAYPOINT_CLASS } from '@/lib/istio';
import { labelOf } from '@/lib/kube/object';
import {
  serviceAccountsOf,
  type ActionObjects,
  type ActionRequest,
  type BindingTarget,
} from '@/lib/mesh/actions';
import { Field, INPUT } from '@/components/editor/ui';

/** A target as a select's value: `namespace`, or `service:<name>`. */
function targetValue(target: BindingTarget): string {
  return target.kind === 'namespace' ? 'namespace' : `service:${target.name}`;
}

function targetOf(value: string): BindingTarget {
  return value.startsWith('service:')
    ? { kind: 'service', name: value.slice('service:'.length) }
    : { kind: 'namespace' };
}

/** The namespace and its Services (not waypoints' own), as binding targets; `bound` keeps the labelled ones. */
function targets(objects: ActionObjects, bound: boolean): { value: string; text: string }[] {
  const has = (o: Parameters<typeof labelOf>[0]): boolean => labelOf(o, ISTIO_KEYS.useWaypoint) !== undefined;
  const namespace = objects.namespace.metadata.name;
  const rows = [{ value: 'namespace', text: `namespace ${namespace}`, object: objects.namespace }];
  for (const service of objects.services) {
    if (labelOf(service, ISTIO_KEYS.gatewayName) !== undefined) continue;
    rows.push({
      value: `service:${service.metadata.name}`,
      text: `Service ${service.metadata.name}`,
      object: service,
    });
  }
  return rows.filter((r) => !bound || has(r.object)).map(({ value, text }) => ({ value, text }));
}

/** Waypoint Gateways, the namespace's first. */
function waypoints(objects: ActionObjects): { namespace: string; name: string }[] {
  const namespace = objects.namespace.metadata.name;
  return objects.gateways
    .filter((g) => (g.spec as { gatewayClassName?: string } | undefined)?.gatewayClassName === WAYPOINT_CLASS)
    .map((g) => ({ namespace: g.metadata.namespace ?? '', name: g.metadata.name }))
    .sort(
      (a, b) =>
        Number(b.namespace === namespace) - Number(a.namespace === namespace) ||
        a.namespace.localeCompare(b.namespace),
    );
}

function Select(props: {
  label: string;
  value: string;
  options: readonly { value: string; text: string }[];
  onChange: (value: string) => void;
  testId: string;
}): ReactNode {
  return (
    <Field label={props.label}>
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={INPUT}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The choices of an action that has some (scope, target, waypoint, mode); null for the others. */
export function ActionForm(props: {
  request: ActionRequest;
  objects: ActionObjects;
  onChange: (request: ActionRequest) => void;
}): ReactNode {
  const { request, objects, onChange } = props;
  switch (request.action) {
    case 'create-waypoint': {
      const accounts = serviceAccountsOf(objects);
      const account = request.serviceAccount ?? accounts[0];
      return (
        <div className="flex flex-wrap gap-3">
          <Select
            label="Scope"
            testId="action-scope"
            value={request.scope}
            options={[
              { value: 'namespace', text: 'the namespace' },
              { value: 'service-account', text: 'one service account' },
            ]}
            onChange={(scope) =>
              onChange({
                ...request,
                scope: scope === 'service-account' ? 'service-account' : 'namespace',
                serviceAccount: account,
                name: undefined,
              })
            }
          />
          {request.scope === 'service-account' && (
            <Select
              label="Service account"
              testId="action-service-account"
              value={account ?? ''}
              options={accounts.map((a) => ({ value: a, text: a }))}
              onChange={(serviceAccount) => onChange({ ...request, serviceAccount, name: undefined })}
            />
          )}
          <Select
            label={ISTIO_KEYS.waypointFor}
            testId="action-waypoint-for"
            value={request.waypointFor}
            options={(['service', 'workload', 'all'] as const).map((v) => ({ value: v, text: v }))}
            onChange={(v) =>
              onChange({ ...request, waypointFor: v === 'workload' || v === 'all' ? v : 'service' })
            }
          />
        </div>
      );
    }
    case 'bind-waypoint': {
      const options = waypoints(objects).map((w) => ({
        value: `${w.namespace}/${w.name}`,
        text: `${w.namespace}/${w.name}`,
      }));
      return (
        <div className="flex flex-wrap gap-3">
          <Select
            label="Bind"
            testId="action-target"
            value={targetValue(request.target)}
            options={targets(objects, false)}
            onChange={(v) => onChange({ ...request, target: targetOf(v) })}
          />
          {options.length === 0 ? (
            <p className="self-end text-sm text-amber-700 dark:text-amber-400">
              No waypoint exists yet: create one first.
            </p>
          ) : (
            <Select
              label="to waypoint"
              testId="action-waypoint"
              value={`${request.waypoint.namespace}/${request.waypoint.name}`}
              options={options}
              onChange={(v) => {
                const [namespace = '', name = ''] = v.split('/');
                onChange({ ...request, waypoint: { namespace, name } });
              }}
            />
          )}
        </div>
      );
    }
    case 'unbind-waypoint': {
      const options = targets(objects, true);
      if (options.length === 0)
        return <p className="text-sm text-slate-500">Nothing here names a waypoint.</p>;
      return (
        <Select
          label="Unbind"
          testId="action-target"
          value={targetValue(request.target)}
          options={options}
          onChange={(v) => onChange({ ...request, target: targetOf(v) })}
        />
      );
    }
    case 'set-peerauthentication':
      return (
        <Select
          label="mTLS mode"
          testId="action-mode"
          value={request.mode}
          options={(['STRICT', 'PERMISSIVE', 'DISABLE'] as const).map((m) => ({ value: m, text: m }))}
          onChange={(m) =>
            onChange({ ...request, mode: m === 'PERMISSIVE' || m === 'DISABLE' ? m : 'STRICT' })
          }
        />
      );
    default:
      return null;
  }
}

/** The first waypoint a bind can use, for the request's default: the namespace's own when it has one. */
export function defaultWaypoint(objects: ActionObjects): { namespace: string; name: string } | undefined {
  return waypoints(objects)[0];
}
