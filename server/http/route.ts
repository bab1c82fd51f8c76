import 'server-only';
import { ParamError } from '@/lib/api/params';
import { isSourceError } from '@/lib/source-error';
import { dashboardMetrics } from '@/server/observability/metrics';

type Handler = (request: Request) => Promise<Response>;

/** A JSON answer with no caching: every API answer describes the cluster now. */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Wraps a route handler: records its latency, answers a {@link ParamError} with a 400 naming the parameter, an
 * upstream failure with a 502/504 carrying the typed error, and anything else with a 500 whose body says only
 * "internal error" (the stack goes to the server log, never to the user).
 */
export function route(name: string, handler: Handler): Handler {
  return async (request) => {
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(request);
    } catch (error) {
      response = errorResponse(name, error);
    }
    dashboardMetrics().routeDuration.observe(
      { route: name, method: request.method, status: String(response.status) },
      (performance.now() - started) / 1000,
    );
    return response;
  };
}

function errorResponse(name: string, error: unknown): Response {
  if (error instanceof ParamError) {
    return json({ error: { parameter: error.parameter, message: error.message } }, 400);
  }
  if (isSourceError(error)) {
    return json({ error: error.toDTO() }, error.kind === 'timeout' ? 504 : 502);
  }
  console.error(`meshlens: ${name} failed`, error);
  return json({ error: { message: 'internal error; see the dashboard server log' } }, 500);
}
