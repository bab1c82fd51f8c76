'use client';

import type { ReactNode } from 'react';
import { TARGET_MODE_WORDS, type TargetForm, type TargetMode } from '@/lib/editor/authorization-policy-form';
import { AddButton, INPUT, RemoveButton, removeAt, replaceAt } from './ui';

const MODES: readonly TargetMode[] = ['targetRefs', 'selector', 'namespace'];

/** Switching mode gives the new mode one empty entry to fill in, so that it is not read back as another mode. */
function switchTo(target: TargetForm, mode: TargetMode): TargetForm {
  if (mode === 'targetRefs' && target.targetRefs.length === 0)
    return { ...target, mode, targetRefs: [{ raw: {}, kind: 'Service', name: '' }] };
  if (mode === 'selector' && target.matchLabels.length === 0)
    return { ...target, mode, matchLabels: [{ key: 'app', value: '' }] };
  return { ...target, mode };
}

/** What the policy binds to, with the enforcement point each choice implies in ambient. */
export function TargetFields(props: {
  target: TargetForm;
  onChange: (target: TargetForm) => void;
}): ReactNode {
  const { target, onChange } = props;
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs text-slate-500">Applies to</legend>
      <div className="flex flex-wrap gap-4">
        {MODES.map((mode) => (
          <label key={mode} className="flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="ap-target-mode"
              data-testid={`ap-mode-${mode}`}
              checked={target.mode === mode}
              onChange={() => onChange(switchTo(target, mode))}
            />
            {TARGET_MODE_WORDS[mode].label}
          </label>
        ))}
      </div>
      <p data-testid="ap-mode-enforcement" className="text-xs text-slate-600 dark:text-slate-400">
        {TARGET_MODE_WORDS[target.mode].enforcement}
      </p>
      {target.mode === 'targetRefs' &&
        target.targetRefs.map((ref, i) => (
          <div key={i} data-testid="ap-target-ref" className="flex items-center gap-2">
            <select
              aria-label="Target kind"
              data-testid="ap-target-kind"
              value={ref.kind}
              className={INPUT}
              onChange={(e) =>
                onChange({
                  ...target,
                  targetRefs: replaceAt(target.targetRefs, i, { ...ref, kind: e.target.value }),
                })
              }
            >
              {['Service', 'Gateway', 'ServiceEntry']
                .concat(['Service', 'Gateway', 'ServiceEntry'].includes(ref.kind) ? [] : [ref.kind])
                .map((k) => (
                  <option key={k} value={k}>
                    {k === 'Gateway' ? 'Gateway (waypoint)' : k}
                  </option>
                ))}
            </select>
            <input
              type="text"
              aria-label="Target name"
              data-testid="ap-target-name"
              value={ref.name}
              placeholder="reviews"
              className={`${INPUT} flex-1`}
              onChange={(e) =>
                onChange({
                  ...target,
                  targetRefs: replaceAt(target.targetRefs, i, { ...ref, name: e.target.value }),
                })
              }
            />
            {target.targetRefs.length > 1 && (
              <RemoveButton
                what={`target ${ref.name}`}
                onClick={() => onChange({ ...target, targetRefs: removeAt(target.targetRefs, i) })}
              />
            )}
          </div>
        ))}
      {target.mode === 'targetRefs' && (
        <AddButton
          label="target"
          onClick={() =>
            onChange({
              ...target,
              targetRefs: [...target.targetRefs, { raw: {}, kind: 'Service', name: '' }],
            })
          }
        />
      )}
      {target.mode === 'selector' &&
        target.matchLabels.map((label, i) => (
          <div key={i} data-testid="ap-label" className="flex items-center gap-2">
            <input
              type="text"
              aria-label="Label key"
              data-testid="ap-label-key"
              value={label.key}
              className={`${INPUT} w-40`}
              onChange={(e) =>
                onChange({
                  ...target,
                  matchLabels: replaceAt(target.matchLabels, i, { ...label, key: e.target.value }),
                })
              }
            />
            <span>=</span>
            <input
              type="text"
              aria-label="Label value"
              data-testid="ap-label-value"
              value={label.value}
              className={`${INPUT} flex-1`}
              onChange={(e) =>
                onChange({
                  ...target,
                  matchLabels: replaceAt(target.matchLabels, i, { ...label, value: e.target.value }),
                })
              }
            />
            {target.matchLabels.length > 1 && (
              <RemoveButton
                what={`label ${label.key}`}
                onClick={() => onChange({ ...target, matchLabels: removeAt(target.matchLabels, i) })}
              />
            )}
          </div>
        ))}
      {target.mode === 'selector' && (
        <AddButton
          label="label"
          onClick={() =>
            onChange({ ...target, matchLabels: [...target.matchLabels, { key: '', value: '' }] })
          }
        />
      )}
    </fieldset>
  );
}
