/**
 * Field numbers of the Kubernetes protobuf messages that kubectl's typed clients send (they speak protobuf, not
 * JSON): `kubectl create <namespace|configmap|serviceaccount|deployment|service|role|clusterrole|rolebinding|
 * clusterrolebinding>` and the reviews of `kubectl auth can-i` and `kubectl auth whoami`. Only these messages are
 * described; a body with any other non-empty field is refused, never half-read. Numbers are from k8s.io/api's
 * generated.proto.
 */

/** How one field is decoded. `skip` marks server-owned fields whose value is ignored. */
export type FieldType = 'string' | 'int' | 'bool' | 'map' | 'intOrString' | 'skip' | { message: string };

/** One field of a message. */
export interface FieldSpec {
  name: string;
  type: FieldType;
  repeated?: true;
  /** Keep a zero value (optional pointers such as `replicas`, where 0 means something). */
  keepZero?: true;
}

type Fields = Readonly<Record<number, FieldSpec>>;

const f = (name: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  type,
  ...extra,
});
const msg = (message: string): FieldType => ({ message });

const OBJECT_META: Fields = {
  1: f('name', 'string'),
  2: f('generateName', 'string'),
  3: f('namespace', 'string'),
  4: f('selfLink', 'skip'),
  5: f('uid', 'skip'),
  6: f('resourceVersion', 'string'),
  7: f('generation', 'skip'),
  8: f('creationTimestamp', 'skip'),
  9: f('deletionTimestamp', 'skip'),
  11: f('labels', 'map'),
  12: f('annotations', 'map'),
  14: f('finalizers', 'string', { repeated: true }),
};

/** Roles and bindings (rbac.authorization.k8s.io/v1); a ClusterRoleBinding has a RoleBinding's fields. */
const RBAC_MESSAGES: Readonly<Record<string, Fields>> = {
  PolicyRule: {
    1: f('verbs', 'string', { repeated: true }),
    // `""` is the core group: an empty element is a value, not an absent one.
    2: f('apiGroups', 'string', { repeated: true, keepZero: true }),
    3: f('resources', 'string', { repeated: true }),
    4: f('resourceNames', 'string', { repeated: true }),
    5: f('nonResourceURLs', 'string', { repeated: true }),
  },
  Role: { 1: f('metadata', msg('ObjectMeta')), 2: f('rules', msg('PolicyRule'), { repeated: true }) },
  ClusterRole: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('rules', msg('PolicyRule'), { repeated: true }),
    3: f('aggregationRule', msg('AggregationRule')),
  },
  AggregationRule: { 1: f('clusterRoleSelectors', msg('LabelSelector'), { repeated: true }) },
  RoleBinding: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('subjects', msg('Subject'), { repeated: true }),
    3: f('roleRef', msg('RoleRef')),
  },
  Subject: {
    1: f('kind', 'string'),
    2: f('apiGroup', 'string'),
    3: f('name', 'string'),
    4: f('namespace', 'string'),
  },
  RoleRef: { 1: f('apiGroup', 'string'), 2: f('kind', 'string'), 3: f('name', 'string') },
};

/** The reviews (authorization.k8s.io/v1, authentication.k8s.io/v1); their `status` is the server's to write. */
const REVIEW_MESSAGES: Readonly<Record<string, Fields>> = {
  ResourceAttributes: {
    1: f('namespace', 'string'),
    2: f('verb', 'string'),
    3: f('group', 'string'),
    4: f('version', 'string'),
    5: f('resource', 'string'),
    6: f('subresource', 'string'),
    7: f('name', 'string'),
  },
  NonResourceAttributes: { 1: f('path', 'string'), 2: f('verb', 'string') },
  SelfSubjectAccessReview: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('spec', msg('SelfSubjectAccessReviewSpec')),
    3: f('status', 'skip'),
  },
  SelfSubjectAccessReviewSpec: {
    1: f('resourceAttributes', msg('ResourceAttributes')),
    2: f('nonResourceAttributes', msg('NonResourceAttributes')),
  },
  SubjectAccessReview: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('spec', msg('SubjectAccessReviewSpec')),
    3: f('status', 'skip'),
  },
  SubjectAccessReviewSpec: {
    1: f('resourceAttributes', msg('ResourceAttributes')),
    2: f('nonResourceAttributes', msg('NonResourceAttributes')),
    3: f('user', 'string'),
    4: f('groups', 'string', { repeated: true }),
    6: f('uid', 'string'),
  },
  SelfSubjectRulesReview: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('spec', msg('SelfSubjectRulesReviewSpec')),
    3: f('status', 'skip'),
  },
  SelfSubjectRulesReviewSpec: { 1: f('namespace', 'string') },
  SelfSubjectReview: { 1: f('metadata', msg('ObjectMeta')), 2: f('status', 'skip') },
  TokenReview: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('spec', msg('TokenReviewSpec')),
    3: f('status', 'skip'),
  },
  TokenReviewSpec: { 1: f('token', 'string'), 2: f('audiences', 'string', { repeated: true }) },
};

/** Every described message, by name. */
export const MESSAGES: Readonly<Record<string, Fields>> = {
  TypeMeta: { 1: f('apiVersion', 'string'), 2: f('kind', 'string') },
  ObjectMeta: OBJECT_META,
  LabelSelector: { 1: f('matchLabels', 'map') },
  Namespace: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('spec', msg('NamespaceSpec')),
    3: f('status', 'skip'),
  },
  NamespaceSpec: { 1: f('finalizers', 'string', { repeated: true }) },
  ConfigMap: { 1: f('metadata', msg('ObjectMeta')), 2: f('data', 'map'), 4: f('immutable', 'bool') },
  ServiceAccount: { 1: f('metadata', msg('ObjectMeta')) },
  Deployment: {
    1: f('metadata', msg('ObjectMeta')),
    2: f('spec', msg('DeploymentSpec')),
    3: f('status', 'skip'),
  },
  DeploymentSpec: {
    1: f('replicas', 'int', { keepZero: true }),
    2: f('selector', msg('LabelSelector')),
    3: f('template', msg('PodTemplateSpec')),
    4: f('strategy', msg('DeploymentStrategy')),
    5: f('minReadySeconds', 'int'),
    7: f('paused', 'bool'),
  },
  DeploymentStrategy: { 1: f('type', 'string') },
  PodTemplateSpec: { 1: f('metadata', msg('ObjectMeta')), 2: f('spec', msg('PodSpec')) },
  PodSpec: {
    2: f('containers', msg('Container'), { repeated: true }),
    3: f('restartPolicy', 'string'),
    6: f('dnsPolicy', 'string'),
    8: f('serviceAccountName', 'string'),
    10: f('nodeName', 'string'),
    11: f('hostNetwork', 'bool'),
    19: f('schedulerName', 'string'),
  },
  Container: {
    1: f('name', 'string'),
    2: f('image', 'string'),
    3: f('command', 'string', { repeated: true }),
    4: f('args', 'string', { repeated: true }),
    5: f('workingDir', 'string'),
    6: f('ports', msg('ContainerPort'), { repeated: true }),
    7: f('env', msg('EnvVar'), { repeated: true }),
    8: f('resources', msg('ResourceRequirements')),
    13: f('terminationMessagePath', 'string'),
    14: f('imagePullPolicy', 'string'),
    16: f('stdin', 'bool'),
    17: f('stdinOnce', 'bool'),
    18: f('tty', 'bool'),
    20: f('terminationMessagePolicy', 'string'),
  },
  ContainerPort: {
    1: f('name', 'string'),
    2: f('hostPort', 'int'),
    3: f('containerPort', 'int'),
    4: f('protocol', 'string'),
  },
  EnvVar: { 1: f('name', 'string'), 2: f('value', 'string') },
  ResourceRequirements: {},
  Service: { 1: f('metadata', msg('ObjectMeta')), 2: f('spec', msg('ServiceSpec')), 3: f('status', 'skip') },
  ServiceSpec: {
    1: f('ports', msg('ServicePort'), { repeated: true }),
    2: f('selector', 'map'),
    3: f('clusterIP', 'string'),
    4: f('type', 'string'),
    5: f('externalIPs', 'string', { repeated: true }),
    7: f('sessionAffinity', 'string'),
    10: f('externalName', 'string'),
    11: f('externalTrafficPolicy', 'string'),
  },
  ServicePort: {
    1: f('name', 'string'),
    2: f('protocol', 'string'),
    3: f('port', 'int'),
    4: f('targetPort', 'intOrString'),
    5: f('nodePort', 'int'),
  },
  IntOrString: { 1: f('type', 'int'), 2: f('intVal', 'int'), 3: f('strVal', 'string') },
  ...RBAC_MESSAGES,
  ...REVIEW_MESSAGES,
};

/** The top-level message of each kind that may arrive as protobuf, by `apiVersion/kind`. */
export const KIND_MESSAGES: Readonly<Record<string, string>> = {
  'v1/Namespace': 'Namespace',
  'v1/ConfigMap': 'ConfigMap',
  'v1/ServiceAccount': 'ServiceAccount',
  'v1/Service': 'Service',
  'apps/v1/Deployment': 'Deployment',
  'rbac.authorization.k8s.io/v1/Role': 'Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'RoleBinding',
  'authorization.k8s.io/v1/SelfSubjectAccessReview': 'SelfSubjectAccessReview',
  'authorization.k8s.io/v1/SelfSubjectRulesReview': 'SelfSubjectRulesReview',
  'authorization.k8s.io/v1/SubjectAccessReview': 'SubjectAccessReview',
  'authentication.k8s.io/v1/SelfSubjectReview': 'SelfSubjectReview',
  'authentication.k8s.io/v1/TokenReview': 'TokenReview',
};
