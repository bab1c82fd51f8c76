import { z } from 'zod';
import { isNamespaceName } from '@/lib/view-state';

/** A query parameter that is missing, unknown or malformed. Route handlers answer it with a 400. */
export class ParamError extends Error {
  override readonly name = 'ParamError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** `namespaces=a,b` or `namespaces=*`; every name must be a valid namespace name. */
export const namespacesParam = z
  .string()
  .transform((raw) => raw.split(',').map((ns) => ns.trim()))
  .refine((list) => (list.length === 1 && list[0] === '*') || list.every(isNamespaceName), {
    message: 'must be * or a comma-separated list of namespace names',
  })
  .transform((list): string[] | '*' => (list[0] === '*' ? '*' : [...new Set(list)]));

/** The schema of a route that takes no parameters: any parameter is refused as unknown. */
export const noParams = z.object({});

/**
 * Parses URL query parameters with a zod object schema. Unknown parameters are refused too, so that a typo
 * (`namespace=` for `namespaces=`) is an error rather than silently ignored. Throws {@link ParamError} naming the
 * first offending parameter.
 */
export function parseParams<S extends z.ZodObject>(params: URLSearchParams, schema: S): z.infer<S> {
  const known = new Set(Object.keys(schema.shape));
  for (const name of params.keys()) {
    if (!known.has(name)) throw new ParamError(name, `unknown parameter ${JSON.stringify(name)}`);
  }
  const raw: Record<string, string> = {};
  for (const name of known) {
    const values = params.getAll(name);
    if (values.length > 1)
      throw new ParamError(name, `${name} is given ${values.length} times; give it once`);
    if (values[0] !== undefined) raw[name] = values[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? 'query');
  throw new ParamError(parameter, `${parameter} ${issue?.message ?? 'is invalid'}`);
}
