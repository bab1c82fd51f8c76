/**
 * The AuthorizationPolicy form's model: the action, what the policy binds to (`targetRefs`, a `selector`, or the
 * whole namespace), and its rules (sources, operations, conditions), read from and written back through lenses
 * (lens.ts). Fields the form does not show (`provider`, `notNamespaces`, `hosts`, `notValues`…) are kept.
 */
import type { JsonObject } from '@/lib/write/types';
import {
  type HasRaw,
  type Lens,
  type Lenses,
  itemsLens,
  listLens,
  objectAt,
  objectsAt,
  patchWith,
  put,
  readWith,
  stringAt,
  textLens,
} from './lens';

/** The actions a policy may take; `''` in the form means none written (ALLOW). */
export const ACTIONS = ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'] as const;

/** What a policy binds to. */
export type TargetMode = 'targetRefs' | 'selector' | 'namespace';

/**
 * Where each binding is enforced in ambient, in one line each (docs/istio-ambient.md, AuthorizationPolicy).
 */
export const TARGET_MODE_WORDS: Readonly<Record<TargetMode, { label: string; enforcement: string }>> = {
  targetRefs: {
    label: 'Service or waypoint (targetRefs)',
    enforcement:
      'Enforced by the waypoint: L7 fields (methods, paths, headers) work and callers are matched by their own identity.',
  },
  selector: {
    label: 'Workloads by label (selector)',
    enforcement:
      'Enforced by the workloads’ ztunnel (or sidecar): L4 only; an L7 field drops the rule of an ALLOW policy, and behind a waypoint the caller is the waypoint.',
  },
  namespace: {
    label: 'Whole namespace',
    enforcement:
      'Every workload of the namespace, at its ztunnel (L4 only); in the root namespace, the whole mesh.',
  },
};

/** A `targetRefs` entry: a Service (or ServiceEntry) or a Gateway (the waypoint) by name. */
export interface TargetRefForm extends HasRaw {
  kind: string;
  name: string;
}

/** One `matchLabels` entry. */
export interface LabelForm {
  key: string;
  value: string;
}

/** What the policy binds to: the mode and, for each mode, its value. */
export interface TargetForm {
  mode: TargetMode;
  targetRefs: TargetRefForm[];
  matchLabels: LabelForm[];
}

/** One `from[].source`: callers by identity or namespace. */
export interface SourceForm extends HasRaw {
  principals: string[];
  namespaces: string[];
  notPrincipals: string[];
}

/** One `to[].operation`: what is called. */
export interface OperationForm extends HasRaw {
  methods: string[];
  paths: string[];
  ports: string[];
}

/** One `when[]` condition. */
export interface ConditionForm extends HasRaw {
  key: string;
  values: string[];
}

/** One rule: `from`, `to` and `when` are AND-ed; the entries of each are OR-ed. */
export interface RuleForm extends HasRaw {
  from: SourceForm[];
  to: OperationForm[];
  when: ConditionForm[];
}

/** The AuthorizationPolicy form. */
export interface AuthorizationPolicyForm {
  /** `''` when the policy writes none (ALLOW). */
  action: string;
  target: TargetForm;
  rules: RuleForm[];
}

/** The API group of a `targetRefs` kind: core for Service, Gateway API for Gateway. */
export function groupOfTargetKind(kind: string): string {
  if (kind === 'Gateway' || kind === 'GatewayClass') return 'gateway.networking.k8s.io';
  if (kind === 'ServiceEntry') return 'networking.istio.io';
  return '';
}

const targetRefLenses: Lenses<Omit<TargetRefForm, 'raw'>> = {
  kind: {
    read: (raw) => stringAt(raw['kind']),
    write: (target, value) => {
      target['kind'] = value;
      target['group'] = groupOfTargetKind(value);
    },
  },
  name: { read: (raw) => stringAt(raw['name']), write: (target, value) => (target['name'] = value) },
};

function readTargetRef(raw: JsonObject): TargetRefForm {
  return { raw, ...readWith(raw, targetRefLenses) };
}

function patchTargetRef(form: TargetRefForm): JsonObject {
  // A new entry names its group first, as istio.io writes them.
  const raw = Object.keys(form.raw).length === 0 ? { kind: '', group: '', name: '' } : form.raw;
  return patchWith(raw, form, targetRefLenses);
}

const targetLens: Lens<TargetForm> = {
  read: (raw) => {
    const refs = objectsAt(raw['targetRefs']);
    const labels = objectAt(objectAt(raw['selector'])['matchLabels']);
    const mode: TargetMode =
      raw['targetRefs'] !== undefined || raw['targetRef'] !== undefined
        ? 'targetRefs'
        : raw['selector'] !== undefined
          ? 'selector'
          : 'namespace';
    return {
      mode,
      targetRefs: refs.map(readTargetRef),
      matchLabels: Object.entries(labels).map(([key, value]) => ({ key, value: stringAt(value) })),
    };
  },
  write: (target, value, raw) => {
    // Istio refuses selector with targetRefs: the mode chosen keeps one of them.
    const refs = value.targetRefs.map(patchTargetRef);
    put(target, 'targetRefs', value.mode === 'targetRefs' && refs.length > 0 ? refs : undefined);
    if (value.mode !== 'targetRefs') delete target['targetRef'];
    if (value.mode === 'selector') {
      const labels = Object.fromEntries(value.matchLabels.map((l) => [l.key, l.value]));
      target['selector'] = { ...objectAt(raw['selector']), matchLabels: labels };
    } else delete target['selector'];
  },
};

const sourceLenses: Lenses<Omit<SourceForm, 'raw'>> = {
  principals: listLens('principals'),
  namespaces: listLens('namespaces'),
  notPrincipals: listLens('notPrincipals'),
};

const operationLenses: Lenses<Omit<OperationForm, 'raw'>> = {
  methods: listLens('methods'),
  paths: listLens('paths'),
  ports: listLens('ports'),
};

const conditionLenses: Lenses<Omit<ConditionForm, 'raw'>> = {
  key: { read: (raw) => stringAt(raw['key']), write: (target, value) => (target['key'] = value) },
  values: listLens('values'),
};

/** A lens over `from[]`/`to[]`, whose entries wrap their fields in `source`/`operation`. */
function wrappedItems<I extends HasRaw>(
  key: string,
  inner: string,
  lenses: Lenses<Omit<I, 'raw'>>,
): Lens<I[]> {
  return itemsLens<I>(key, {
    read: (raw) => ({ raw, ...readWith(objectAt(raw[inner]), lenses) }) as I,
    patch: (form) => ({ ...form.raw, [inner]: patchWith(objectAt(form.raw[inner]), form, lenses) }),
  });
}

const ruleLenses: Lenses<Omit<RuleForm, 'raw'>> = {
  from: wrappedItems<SourceForm>('from', 'source', sourceLenses),
  to: wrappedItems<OperationForm>('to', 'operation', operationLenses),
  when: itemsLens<ConditionForm>('when', {
    read: (raw) => ({ raw, ...readWith(raw, conditionLenses) }),
    patch: (form) => patchWith(form.raw, form, conditionLenses),
  }),
};

const specLenses: Lenses<AuthorizationPolicyForm> = {
  action: textLens('action'),
  target: targetLens,
  rules: itemsLens<RuleForm>('rules', {
    read: (raw) => ({ raw, ...readWith(raw, ruleLenses) }),
    patch: (form) => patchWith(form.raw, form, ruleLenses),
  }),
};

/** The form of an AuthorizationPolicy object. */
export function readAuthorizationPolicyForm(object: JsonObject): AuthorizationPolicyForm {
  return readWith(objectAt(object['spec']), specLenses);
}

/** The object with the form written into its `spec`; fields the form does not show are kept. */
export function applyAuthorizationPolicyForm(object: JsonObject, form: AuthorizationPolicyForm): JsonObject {
  return { ...object, spec: patchWith(objectAt(object['spec']), form, specLenses) };
}

/** A new rule: one empty source (the form's "add rule"). An empty rule matches every request. */
export function newRule(): RuleForm {
  return { raw: {}, from: [], to: [], when: [] };
}
