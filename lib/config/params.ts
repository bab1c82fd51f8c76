import { z } from 'zod';
import { namespacesParam, parseParams } from '@/lib/api/params';
import { CONFIG_KIND_NAMES, type ConfigKind, isConfigKind } from './kinds';

/** The parameters of `GET /api/config/objects`, parsed. */
export interface ConfigListParams {
  /** The namespaces to list, or every one. */
  namespaces: string[] | '*';
  /** The kinds to list; null for every listed kind. */
  kinds: ConfigKind[] | null;
}

const kindsParam = z
  .string()
  .transform((raw) => raw.split(',').map((k) => k.trim()))
  .refine((list) => list.every(isConfigKind), {
    message: `must be a comma-separated list of ${CONFIG_KIND_NAMES.join(', ')}`,
  })
  .transform((list) => [...new Set(list)] as ConfigKind[]);

const configListSchema = z.object({ namespaces: namespacesParam.optional(), kind: kindsParam.optional() });

/** Parses `?namespaces=a,b|*&kind=VirtualService,DestinationRule`; throws `ParamError` for anything else. */
export function parseConfigListParams(params: URLSearchParams): ConfigListParams {
  const parsed = parseParams(params, configListSchema);
  return { namespaces: parsed.namespaces ?? '*', kinds: parsed.kind ?? null };
}
