import { graphParamsSchema } from './graph-params';
import { parseParams } from './params';

/** The parameters of `GET /api/mesh/overview`, parsed. */
export interface MeshOverviewParams {
  /** Length of the window the rates are averaged over, in seconds (60 to 86,400; 300 by default). */
  windowSeconds: number;
}

/** The graph's `window` parameter, and nothing else. */
const meshOverviewSchema = graphParamsSchema().pick({ window: true });

/** Parses `?window=5m`; throws `ParamError` for a bad window or any other parameter. */
export function parseMeshOverviewParams(params: URLSearchParams): MeshOverviewParams {
  return { windowSeconds: parseParams(params, meshOverviewSchema).window ?? 300 };
}
