'use client';

import type { ReactNode } from 'react';
import {
  MATCH_TYPES,
  type MatchForm,
  type MatchType,
  type StringMatchForm,
} from '@/lib/editor/virtual-service-form';
import { AddButton, INPUT, RemoveButton, removeAt, replaceAt } from './ui';

/** A comparison and its value; `none` (for the URI) means no condition. */
function StringMatchInput(props: {
  value: StringMatchForm | null;
  onChange: (value: StringMatchForm | null) => void;
  label: string;
  testId: string;
  optional: boolean;
}): ReactNode {
  const type = props.value?.type ?? 'none';
  return (
    <span className="flex gap-1">
      <select
        aria-label={`${props.label}: comparison`}
        data-testid={`${props.testId}-type`}
        value={type}
        onChange={(e) => {
          const next = e.target.value;
          if (next === 'none') props.onChange(null);
          else props.onChange({ type: next as MatchType, value: props.value?.value ?? '' });
        }}
        className={INPUT}
      >
        {props.optional && <option value="none">any</option>}
        {MATCH_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      {props.value !== null && (
        <input
          type="text"
          aria-label={`${props.label}: value`}
          data-testid={`${props.testId}-value`}
          value={props.value.value}
          onChange={(e) => props.onChange({ type, value: e.target.value } as StringMatchForm)}
          className={`${INPUT} min-w-40 flex-1`}
        />
      )}
    </span>
  );
}

/** One `match` entry: the URI condition and the header conditions, all of which must hold. */
export function MatchFields(props: {
  match: MatchForm;
  onChange: (match: MatchForm) => void;
  onRemove: () => void;
}): ReactNode {
  const { match, onChange } = props;
  return (
    <div
      data-testid="vs-match"
      className="space-y-1 rounded border border-dashed border-slate-300 p-2 dark:border-slate-600"
    >
      <div className="flex items-center gap-2 text-sm">
        <span className="w-16 text-xs text-slate-500">URI</span>
        <StringMatchInput
          label="URI"
          testId="vs-uri"
          optional
          value={match.uri}
          onChange={(uri) => onChange({ ...match, uri })}
        />
        <span className="ml-auto">
          <RemoveButton what="this condition" onClick={props.onRemove} />
        </span>
      </div>
      {match.headers.map((header, i) => (
        <div key={i} data-testid="vs-header" className="flex items-center gap-2 text-sm">
          <span className="w-16 text-xs text-slate-500">header</span>
          <input
            type="text"
            aria-label="Header name"
            data-testid="vs-header-name"
            value={header.name}
            onChange={(e) =>
              onChange({
                ...match,
                headers: replaceAt(match.headers, i, { ...header, name: e.target.value }),
              })
            }
            placeholder="end-user"
            className={`${INPUT} w-36`}
          />
          <StringMatchInput
            label={`Header ${header.name}`}
            testId="vs-header"
            optional={false}
            value={header.match}
            onChange={(m) =>
              onChange({
                ...match,
                headers: replaceAt(match.headers, i, { ...header, match: m ?? header.match }),
              })
            }
          />
          <RemoveButton
            what={`header ${header.name}`}
            onClick={() => onChange({ ...match, headers: removeAt(match.headers, i) })}
          />
        </div>
      ))}
      <AddButton
        label="header condition"
        testId="vs-add-header"
        onClick={() =>
          onChange({
            ...match,
            headers: [...match.headers, { name: '', match: { type: 'exact', value: '' } }],
          })
        }
      />
    </div>
  );
}
