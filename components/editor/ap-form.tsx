'use client';

import { useMemo, type ReactNode } from 'react';
import {
  ACTIONS,
  applyAuthorizationPolicyForm,
  newRule,
  readAuthorizationPolicyForm,
  type AuthorizationPolicyForm,
} from '@/lib/editor/authorization-policy-form';
import type { JsonObject } from '@/lib/write/types';
import { RuleFields } from './ap-rule';
import { TargetFields } from './ap-target';
import { rulesHint } from './form-words';
import { AddButton, Box, Field, INPUT, RemoveButton, removeAt, replaceAt } from './ui';

/** The AuthorizationPolicy form: action, binding and rules. Fields it does not show stay as they are. */
export function AuthorizationPolicyFormView(props: {
  object: JsonObject;
  onChange: (object: JsonObject) => void;
}): ReactNode {
  const form = useMemo(() => readAuthorizationPolicyForm(props.object), [props.object]);
  const change = (next: AuthorizationPolicyForm): void =>
    props.onChange(applyAuthorizationPolicyForm(props.object, next));
  return (
    <div data-testid="ap-form" className="space-y-3">
      <Field label="Action">
        <select
          data-testid="ap-action"
          value={form.action}
          onChange={(e) => change({ ...form, action: e.target.value })}
          className={`${INPUT} w-48`}
        >
          {form.action === '' && <option value="">ALLOW (not written)</option>}
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </Field>
      <TargetFields target={form.target} onChange={(target) => change({ ...form, target })} />
      <p className="text-xs text-slate-500">{rulesHint(form.action, form.rules.length)}</p>
      {form.rules.map((rule, i) => (
        <Box
          key={i}
          testId="ap-rule"
          title={`Rule ${i + 1}`}
          actions={
            <RemoveButton
              what={`rule ${i + 1}`}
              onClick={() => change({ ...form, rules: removeAt(form.rules, i) })}
            />
          }
        >
          <RuleFields rule={rule} onChange={(r) => change({ ...form, rules: replaceAt(form.rules, i, r) })} />
        </Box>
      ))}
      <AddButton
        label="rule"
        testId="ap-add-rule"
        onClick={() => change({ ...form, rules: [...form.rules, newRule()] })}
      />
    </div>
  );
}
