/**
 * Server-side printing: the `meta.k8s.io/v1` Table that `kubectl get` asks for
 * (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`), built from the column table in table-columns.ts.
 */
import { AGE, type Column, KIND_COLUMNS, NAME } from './table-columns';
import { type ResourceType, resourceKey } from './resource-table';
import { type KubeObject } from './types';

/** What each row carries besides its cells (the `includeObject` query parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** True when an Accept header asks for a Table (kubectl get does, with a JSON fallback). */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => /as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}

/** The `includeObject` parameter; Kubernetes' default is `Metadata`. */
export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** The columns of a kind, in order. */
export function columnsFor(type: ResourceType): Column[] {
  const extra = KIND_COLUMNS[resourceKey(type)];
  return [NAME, ...(extra?.middle ?? []), ...(extra?.withoutAge ? [] : [AGE]), ...(extra?.after ?? [])];
}

function rowObject(object: KubeObject, include: IncludeObject): Record<string, unknown> | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

/** A Table of objects of one kind; `now` is the clock for the AGE column. */
export function buildTable(
  type: ResourceType,
  objects: readonly KubeObject[],
  options: { now: Date; include: IncludeObject; resourceVersion?: string; continueToken?: string },
): Record<string, unknown> {
  const columns = columnsFor(type);
  const metadata: Record<string, string> = {};
  if (options.resourceVersion !== undefined) metadata['resourceVersion'] = options.resourceVersion;
  if (options.continueToken) metadata['continue'] = options.continueToken;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c === NAME ? 'name' : '',
      description: c.description,
      priority: c.priority,
    })),
    rows: objects.map((object) => {
      const cells = columns.map((c) => c.cell(object, options.now));
      const embedded = rowObject(object, options.include);
      return embedded ? { cells, object: embedded } : { cells };
    }),
  };
}
