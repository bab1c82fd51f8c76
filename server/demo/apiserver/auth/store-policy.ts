/** The RBAC objects of a {@link ResourceStore}, read at each request (so a change applies to the next request). */
import { type ResourceStore } from '../store';
import { type PolicySource, bindingFromObject, roleFromObject } from './rbac';

const ROLES = 'roles.rbac.authorization.k8s.io';
const CLUSTER_ROLES = 'clusterroles.rbac.authorization.k8s.io';
const ROLE_BINDINGS = 'rolebindings.rbac.authorization.k8s.io';
const CLUSTER_ROLE_BINDINGS = 'clusterrolebindings.rbac.authorization.k8s.io';

/** The store's Roles, ClusterRoles, RoleBindings and ClusterRoleBindings as a policy source. */
export function storePolicy(store: ResourceStore): PolicySource {
  return {
    clusterRoleBindings: () => store.list(CLUSTER_ROLE_BINDINGS).items.map(bindingFromObject),
    roleBindings: (namespace) => store.list(ROLE_BINDINGS, { namespace }).items.map(bindingFromObject),
    clusterRole: (name) => {
      const found = store.get(CLUSTER_ROLES, undefined, name);
      return found && roleFromObject(found);
    },
    role: (namespace, name) => {
      const found = store.get(ROLES, namespace, name);
      return found && roleFromObject(found);
    },
  };
}
