/**
 * The request handler of the demo API server: admits each request (authentication, impersonation, authorization),
 * routes it to discovery, OpenAPI, the reviews or the resource handlers, and turns every refusal into a Kubernetes
 * Status.
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type AuthGate } from './auth/gate';
import { handleReview } from './auth/review-handler';
import * as discovery from './discovery';
import { sendError, sendJson } from './http-io';
import { serveOpenApi } from './openapi';
import { handleRead, type ReadContext } from './read-handlers';
import { handleScale } from './scale';
import { type Route, parseRoute } from './routes';
import { ApiError } from './status';
import { handleWrite } from './write-handlers';

/** The HTTP request listener's dependencies. */
export interface RouterContext extends ReadContext {
  auth: AuthGate;
}

const NOT_FOUND = (): ApiError =>
  new ApiError(404, 'NotFound', 'the server could not find the requested resource');

function serveDiscovery(req: IncomingMessage, res: ServerResponse, route: Route): boolean {
  const aggregated = discovery.wantsAggregated(req.headers.accept);
  switch (route.kind) {
    case 'version':
      sendJson(res, 200, discovery.SERVER_VERSION);
      return true;
    case 'health':
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return true;
    case 'legacyRoot':
      if (aggregated)
        sendJson(res, 200, discovery.aggregatedDiscovery('legacy'), discovery.AGGREGATED_DISCOVERY_TYPE);
      else sendJson(res, 200, discovery.apiVersions(req.headers.host ?? '127.0.0.1'));
      return true;
    case 'groupsRoot':
      if (aggregated)
        sendJson(res, 200, discovery.aggregatedDiscovery('apis'), discovery.AGGREGATED_DISCOVERY_TYPE);
      else sendJson(res, 200, discovery.apiGroupList());
      return true;
    case 'group': {
      const group = discovery.apiGroup(route.group);
      if (!group) throw NOT_FOUND();
      sendJson(res, 200, group);
      return true;
    }
    case 'groupVersion': {
      const list = discovery.apiResourceList(route.group, route.version);
      if (!list) throw NOT_FOUND();
      sendJson(res, 200, list);
      return true;
    }
    default:
      return false;
  }
}

async function dispatch(req: IncomingMessage, res: ServerResponse, ctx: RouterContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = parseRoute(url.pathname);
  const user = ctx.auth.admit(req, url);
  if (req.method === 'GET' && serveDiscovery(req, res, route)) return;
  if (route.kind === 'openapi' && req.method === 'GET') {
    serveOpenApi(res, route.segments);
    return;
  }
  if (route.kind !== 'resource') {
    req.resume();
    throw NOT_FOUND();
  }
  if (route.type.review) {
    const { authorizer, authenticateToken } = ctx.auth;
    await handleReview(req, res, route, { user, authorizer, authenticateToken });
    return;
  }
  if (route.subresource === 'scale') {
    await handleScale(req, res, url.searchParams, route, ctx.store);
    return;
  }
  if (req.method === 'GET') {
    handleRead(req, res, url.searchParams, route, ctx);
    return;
  }
  await handleWrite(req, res, url.searchParams, route, ctx.store);
}

/** A `node:http` request listener serving the Kubernetes API from the context's store. */
export function createRequestListener(
  ctx: RouterContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    dispatch(req, res, ctx).catch((error: unknown) => {
      req.resume(); // a request refused before its body was read
      sendError(res, error);
    });
  };
}
