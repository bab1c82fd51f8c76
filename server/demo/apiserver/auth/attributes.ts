/**
 * The authorization attributes of an HTTP request, derived as kube-apiserver's RequestInfoFactory derives them
 * (pure): `/api` and `/apis/<group>` paths with at least a version and a resource are resource requests (verb from
 * the method, `list`/`watch` for collections, `deletecollection`, the `/watch/` prefix, the name a
 * `metadata.name=` field selector pins a list to), everything else is a non-resource request on its path.
 * Segments are split and decoded exactly as routing splits them, so what is authorized is what is served.
 */
import { pathSegments } from '../routes';
import { parseFieldSelector } from '../selectors';

/** A request on objects (or on the objects of a collection). */
export interface ResourceAttributes {
  resourceRequest: true;
  verb: string;
  /** `''` for the core group. */
  apiGroup: string;
  /** The plural (`pods`). */
  resource: string;
  subresource: string;
  /** `''` at the cluster scope. A Namespace object's own namespace is its name. */
  namespace: string;
  /** `''` for a collection. */
  name: string;
}

/** A request on a path that is not an object (`/api`, `/healthz`, `/openapi/v3`). */
export interface NonResourceAttributes {
  resourceRequest: false;
  /** The lower-case HTTP method (`get`). */
  verb: string;
  path: string;
}

/** What an authorizer decides on. */
export type Attributes = ResourceAttributes | NonResourceAttributes;

const VERB_OF_METHOD: Readonly<Record<string, string>> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** Namespace paths whose third segment is a subresource of the Namespace, not a kind in it. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** True when the query asks a collection GET for a watch (`watch=true` or `watch=1`), as the read handler does. */
export function isWatchRequested(query: URLSearchParams): boolean {
  const watch = query.get('watch');
  return watch === 'true' || watch === '1';
}

/** The name a `metadata.name=<name>` field selector pins a list or watch to, or `''`. */
function nameFromFieldSelector(text: string | null): string {
  if (!text) return '';
  try {
    const term = parseFieldSelector(text).requirements.find(
      (r) => r.path === 'metadata.name' && r.op === '=',
    );
    const name = term?.value ?? '';
    return name === '.' || name === '..' || /[/%]/.test(name) ? '' : name;
  } catch {
    return '';
  }
}

/** The attributes of a request with this method and URL. */
export function requestAttributes(method: string, url: URL): Attributes {
  const nonResource: NonResourceAttributes = {
    resourceRequest: false,
    verb: method.toLowerCase(),
    path: url.pathname,
  };
  const segments = pathSegments(url.pathname);
  if (!segments || segments.length < 3) return nonResource;
  const [prefix, ...afterPrefix] = segments;
  let apiGroup = '';
  let parts = afterPrefix;
  if (prefix === 'apis') {
    if (afterPrefix.length < 3) return nonResource;
    apiGroup = afterPrefix[0] ?? '';
    parts = afterPrefix.slice(1);
  } else if (prefix !== 'api') return nonResource;
  parts = parts.slice(1); // the version

  let verb = VERB_OF_METHOD[method] ?? '';
  if (parts[0] === 'watch' && parts.length >= 2) {
    verb = 'watch';
    parts = parts.slice(1);
  }
  let namespace = '';
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1] ?? '';
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] ?? '')) parts = parts.slice(2);
  }
  const [resource = '', pathName = '', subresource = ''] = parts;
  let name = pathName;
  if (name === '' && verb === 'get') {
    verb = isWatchRequested(url.searchParams) ? 'watch' : 'list';
    name = nameFromFieldSelector(url.searchParams.get('fieldSelector'));
  }
  if (name === '' && verb === 'delete') verb = 'deletecollection';
  return { resourceRequest: true, verb, apiGroup, resource, subresource, namespace, name };
}
