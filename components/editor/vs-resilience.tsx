'use client';

import type { ReactNode } from 'react';
import type { RouteForm } from '@/lib/editor/virtual-service-form';
import { NumberInput } from './number-input';
import { INPUT } from './ui';

function Toggle(props: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  testId: string;
}): ReactNode {
  return (
    <label className="flex items-center gap-1 text-sm font-medium">
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

/** Timeout, retries and the two faults (delay, abort) of a route. */
export function ResilienceFields({
  route,
  onChange,
}: {
  route: RouteForm;
  onChange: (r: RouteForm) => void;
}): ReactNode {
  return (
    <div className="grid items-start gap-x-4 gap-y-2 sm:grid-cols-2">
      <div className="flex min-h-8 flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm font-medium">
          Timeout
          <input
            type="text"
            data-testid="vs-timeout"
            value={route.timeout}
            placeholder="e.g. 5s"
            onChange={(e) => onChange({ ...route, timeout: e.target.value.trim() })}
            className={`${INPUT} w-28 font-normal`}
          />
        </label>
      </div>
      <div className="flex min-h-8 flex-wrap items-center gap-2">
        <Toggle
          label="Retries"
          testId="vs-retries-toggle"
          checked={route.retries !== null}
          onChange={(on) => onChange({ ...route, retries: on ? { attempts: 3, perTryTimeout: '' } : null })}
        />
        {route.retries !== null && (
          <>
            <NumberInput
              label="Attempts"
              testId="vs-retries-attempts"
              value={route.retries.attempts}
              min={0}
              step={1}
              onChange={(attempts) =>
                onChange({ ...route, retries: { perTryTimeout: '', ...route.retries, attempts } })
              }
            />
            <input
              type="text"
              aria-label="Per-try timeout"
              data-testid="vs-retries-per-try"
              placeholder="per try, e.g. 2s"
              value={route.retries.perTryTimeout}
              className={`${INPUT} w-32`}
              onChange={(e) =>
                onChange({
                  ...route,
                  retries: { attempts: null, ...route.retries, perTryTimeout: e.target.value.trim() },
                })
              }
            />
          </>
        )}
      </div>
      <div className="flex min-h-8 flex-wrap items-center gap-2">
        <Toggle
          label="Delay fault"
          testId="vs-delay-toggle"
          checked={route.delay !== null}
          onChange={(on) => onChange({ ...route, delay: on ? { fixedDelay: '5s', percent: 100 } : null })}
        />
        {route.delay !== null && (
          <>
            <input
              type="text"
              aria-label="Delay"
              data-testid="vs-delay-fixed"
              value={route.delay.fixedDelay}
              className={`${INPUT} w-20`}
              onChange={(e) =>
                onChange({
                  ...route,
                  delay: { percent: null, ...route.delay, fixedDelay: e.target.value.trim() },
                })
              }
            />
            <NumberInput
              label="Delay: percent of requests"
              testId="vs-delay-percent"
              value={route.delay.percent}
              min={0}
              max={100}
              onChange={(percent) =>
                onChange({ ...route, delay: { fixedDelay: '', ...route.delay, percent } })
              }
            />
            <span className="text-xs text-slate-500">% of requests</span>
          </>
        )}
      </div>
      <div className="flex min-h-8 flex-wrap items-center gap-2">
        <Toggle
          label="Abort fault"
          testId="vs-abort-toggle"
          checked={route.abort !== null}
          onChange={(on) => onChange({ ...route, abort: on ? { httpStatus: 503, percent: 100 } : null })}
        />
        {route.abort !== null && (
          <>
            <NumberInput
              label="Abort: HTTP status"
              testId="vs-abort-status"
              value={route.abort.httpStatus}
              min={200}
              max={599}
              step={1}
              onChange={(httpStatus) =>
                onChange({ ...route, abort: { percent: null, ...route.abort, httpStatus } })
              }
            />
            <NumberInput
              label="Abort: percent of requests"
              testId="vs-abort-percent"
              value={route.abort.percent}
              min={0}
              max={100}
              onChange={(percent) =>
                onChange({ ...route, abort: { httpStatus: null, ...route.abort, percent } })
              }
            />
            <span className="text-xs text-slate-500">% of requests</span>
          </>
        )}
      </div>
    </div>
  );
}
