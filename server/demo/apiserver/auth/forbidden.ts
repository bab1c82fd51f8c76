/**
 * The 403 Forbidden Status of a refused request, worded exactly as kube-apiserver words it (pure):
 * `pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "bookinfo"`.
 */
import { ApiError } from '../status';
import { type Attributes } from './attributes';

/** `User "x" cannot <verb> resource "<resource[/subresource]>" in API group "<g>" …` or `… path "/apis"`. */
export function forbiddenMessage(username: string, attributes: Attributes): string {
  if (!attributes.resourceRequest)
    return `User "${username}" cannot ${attributes.verb} path "${attributes.path}"`;
  const { verb, apiGroup, subresource, namespace } = attributes;
  const resource = subresource ? `${attributes.resource}/${subresource}` : attributes.resource;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  return `User "${username}" cannot ${verb} resource "${resource}" in API group "${apiGroup}" ${scope}`;
}

/**
 * The 403 for a refused request: `<resource.group> ["name"] is forbidden: <message>[: <reason>]`, or
 * `forbidden: <message>` for a non-resource path. `details` name the resource (not the subresource) and group.
 */
export function forbidden(username: string, attributes: Attributes, reason = ''): ApiError {
  const message = forbiddenMessage(username, attributes) + (reason ? `: ${reason}` : '');
  if (!attributes.resourceRequest || (attributes.resource === '' && attributes.apiGroup === ''))
    return new ApiError(403, 'Forbidden', `forbidden: ${message}`, {});
  const { apiGroup, resource, name } = attributes;
  const qualified = apiGroup ? `${resource}.${apiGroup}` : resource;
  const subject = name ? `${qualified} "${name}"` : qualified;
  return new ApiError(403, 'Forbidden', `${subject} is forbidden: ${message}`, {
    ...(name ? { name } : {}),
    group: apiGroup,
    kind: resource,
  });
}
