'use client';

import type { ReactNode } from 'react';
import type {
  ConditionForm,
  OperationForm,
  RuleForm,
  SourceForm,
} from '@/lib/editor/authorization-policy-form';
import { ListInput } from './list-input';
import { AddButton, INPUT, RemoveButton, removeAt, replaceAt } from './ui';

function Row(props: { label: string; children: ReactNode }): ReactNode {
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="w-28 shrink-0 text-xs text-slate-500">{props.label}</span>
      {props.children}
    </div>
  );
}

function Part(props: {
  title: string;
  onRemove: () => void;
  children: ReactNode;
  testId: string;
}): ReactNode {
  return (
    <div
      data-testid={props.testId}
      className="space-y-1 rounded border border-dashed border-slate-300 p-2 dark:border-slate-600"
    >
      <div className="flex items-center text-xs font-medium text-slate-600 dark:text-slate-300">
        {props.title}
        <span className="ml-auto">
          <RemoveButton what={props.title} onClick={props.onRemove} />
        </span>
      </div>
      {props.children}
    </div>
  );
}

/** One rule: who calls (from), what is called (to), and extra conditions (when). */
export function RuleFields(props: { rule: RuleForm; onChange: (rule: RuleForm) => void }): ReactNode {
  const { rule, onChange } = props;
  const setFrom = (i: number, s: SourceForm): void => onChange({ ...rule, from: replaceAt(rule.from, i, s) });
  const setTo = (i: number, o: OperationForm): void => onChange({ ...rule, to: replaceAt(rule.to, i, o) });
  const setWhen = (i: number, c: ConditionForm): void =>
    onChange({ ...rule, when: replaceAt(rule.when, i, c) });
  return (
    <div className="space-y-2">
      {rule.from.map((s, i) => (
        <Part
          key={i}
          title="from: callers"
          testId="ap-from"
          onRemove={() => onChange({ ...rule, from: removeAt(rule.from, i) })}
        >
          <Row label="principals">
            <ListInput
              label="Principals"
              testId="ap-from-principals"
              value={s.principals}
              placeholder="cluster.local/ns/bookinfo/sa/bookinfo-productpage"
              onChange={(principals) => setFrom(i, { ...s, principals })}
            />
          </Row>
          <Row label="namespaces">
            <ListInput
              label="Namespaces"
              testId="ap-from-namespaces"
              value={s.namespaces}
              placeholder="bookinfo"
              onChange={(namespaces) => setFrom(i, { ...s, namespaces })}
            />
          </Row>
          <Row label="not principals">
            <ListInput
              label="Not principals"
              testId="ap-from-not-principals"
              value={s.notPrincipals}
              onChange={(notPrincipals) => setFrom(i, { ...s, notPrincipals })}
            />
          </Row>
        </Part>
      ))}
      {rule.to.map((o, i) => (
        <Part
          key={i}
          title="to: operations"
          testId="ap-to"
          onRemove={() => onChange({ ...rule, to: removeAt(rule.to, i) })}
        >
          <Row label="methods (L7)">
            <ListInput
              label="Methods"
              testId="ap-to-methods"
              value={o.methods}
              placeholder="GET, POST"
              onChange={(methods) => setTo(i, { ...o, methods })}
            />
          </Row>
          <Row label="paths (L7)">
            <ListInput
              label="Paths"
              testId="ap-to-paths"
              value={o.paths}
              placeholder="/api/*"
              onChange={(paths) => setTo(i, { ...o, paths })}
            />
          </Row>
          <Row label="ports">
            <ListInput
              label="Ports"
              testId="ap-to-ports"
              value={o.ports}
              placeholder="9080"
              onChange={(ports) => setTo(i, { ...o, ports })}
            />
          </Row>
        </Part>
      ))}
      {rule.when.map((c, i) => (
        <Part
          key={i}
          title="when: condition"
          testId="ap-when"
          onRemove={() => onChange({ ...rule, when: removeAt(rule.when, i) })}
        >
          <Row label="key">
            <input
              type="text"
              aria-label="Condition key"
              data-testid="ap-when-key"
              value={c.key}
              placeholder="request.headers[x-user]"
              onChange={(e) => setWhen(i, { ...c, key: e.target.value })}
              className={`${INPUT} flex-1`}
            />
          </Row>
          <Row label="values">
            <ListInput
              label="Condition values"
              testId="ap-when-values"
              value={c.values}
              onChange={(values) => setWhen(i, { ...c, values })}
            />
          </Row>
        </Part>
      ))}
      <div className="flex gap-4">
        <AddButton
          label="from"
          testId="ap-add-from"
          onClick={() =>
            onChange({
              ...rule,
              from: [...rule.from, { raw: {}, principals: [], namespaces: [], notPrincipals: [] }],
            })
          }
        />
        <AddButton
          label="to"
          testId="ap-add-to"
          onClick={() =>
            onChange({ ...rule, to: [...rule.to, { raw: {}, methods: [], paths: [], ports: [] }] })
          }
        />
        <AddButton
          label="when"
          testId="ap-add-when"
          onClick={() => onChange({ ...rule, when: [...rule.when, { raw: {}, key: '', values: [] }] })}
        />
      </div>
    </div>
  );
}
