/**
 * The VirtualService form's model: hosts and HTTP routes with their header and URI matches, weighted destinations,
 * timeout, retries and faults, read from and written back to the object through lenses (lens.ts). Everything else
 * (gateways, TLS and TCP routes, mirrors, rewrites, query-parameter matches, metadata…) is kept untouched.
 */
import type { JsonObject } from '@/lib/write/types';
import {
  type HasRaw,
  type Lens,
  type Lenses,
  itemsLens,
  listLens,
  numberAt,
  numberLens,
  objectAt,
  patchWith,
  put,
  readWith,
  stringAt,
  textLens,
} from './lens';

/** How a string is compared. */
export type MatchType = 'exact' | 'prefix' | 'regex';

/** Every comparison, in the order the form offers them. */
export const MATCH_TYPES: readonly MatchType[] = ['exact', 'prefix', 'regex'];

/** A string condition (`{prefix: /api}`). */
export interface StringMatchForm {
  type: MatchType;
  value: string;
}

/** One header condition: the header's name and how its value must compare. */
export interface HeaderMatchForm {
  name: string;
  match: StringMatchForm;
}

/** One `http[].match[]` entry: its URI and header conditions (AND-ed). */
export interface MatchForm extends HasRaw {
  uri: StringMatchForm | null;
  headers: HeaderMatchForm[];
}

/** One weighted destination of a route. */
export interface DestinationForm extends HasRaw {
  host: string;
  /** `''` for none. */
  subset: string;
  /** 0..100; null when the destination has no weight (a single destination then takes everything). */
  weight: number | null;
}

/** A delay fault: how long, for which share of requests (percent, 0..100; null: all). */
export interface DelayForm {
  fixedDelay: string;
  percent: number | null;
}

/** An abort fault: which HTTP status, for which share of requests (percent, 0..100; null: all). */
export interface AbortForm {
  httpStatus: number | null;
  percent: number | null;
}

/** Retries of a route: attempts and the timeout of each (`''` for the default). */
export interface RetriesForm {
  attempts: number | null;
  perTryTimeout: string;
}

/** One `http[]` route. */
export interface RouteForm extends HasRaw {
  name: string;
  matches: MatchForm[];
  destinations: DestinationForm[];
  /** `''` for none. */
  timeout: string;
  /** Null when the route has no `retries`. */
  retries: RetriesForm | null;
  delay: DelayForm | null;
  abort: AbortForm | null;
}

/** The VirtualService form. */
export interface VirtualServiceForm {
  hosts: string[];
  routes: RouteForm[];
}

function stringMatchOf(value: unknown): StringMatchForm | null {
  const m = objectAt(value);
  for (const type of MATCH_TYPES) if (typeof m[type] === 'string') return { type, value: m[type] };
  return null;
}

function stringMatchValue(match: StringMatchForm): JsonObject {
  return { [match.type]: match.value };
}

const matchLenses: Lenses<Omit<MatchForm, 'raw'>> = {
  uri: {
    read: (raw) => stringMatchOf(raw['uri']),
    write: (target, value) => put(target, 'uri', value === null ? undefined : stringMatchValue(value)),
  },
  headers: {
    read: (raw) =>
      Object.entries(objectAt(raw['headers'])).map(([name, m]) => ({
        name,
        match: stringMatchOf(m) ?? { type: 'exact', value: '' },
      })),
    write: (target, value, raw) => {
      const before = objectAt(raw['headers']);
      const headers: JsonObject = {};
      for (const h of value) {
        const old = stringMatchOf(before[h.name]);
        // An unchanged condition keeps its own object; a changed one is written afresh.
        headers[h.name] =
          old !== null && old.type === h.match.type && old.value === h.match.value
            ? before[h.name]
            : stringMatchValue(h.match);
      }
      put(target, 'headers', value.length === 0 ? undefined : headers);
    },
  },
};

const destinationLenses: Lenses<Omit<DestinationForm, 'raw'>> = {
  host: {
    read: (raw) => stringAt(objectAt(raw['destination'])['host']),
    write: (target, value) => {
      target['destination'] = { ...objectAt(target['destination']), host: value };
    },
  },
  subset: {
    read: (raw) => stringAt(objectAt(raw['destination'])['subset']),
    write: (target, value) => {
      const destination = { ...objectAt(target['destination']) };
      put(destination, 'subset', value === '' ? undefined : value);
      target['destination'] = destination;
    },
  },
  weight: numberLens('weight'),
};

/** A fault's share: `percentage.value`, or the deprecated integer `percent`. */
function percentOf(raw: JsonObject): number | null {
  return numberAt(objectAt(raw['percentage'])['value']) ?? numberAt(raw['percent']);
}

const percentLens: Lens<number | null> = {
  read: percentOf,
  write: (target, value) => {
    delete target['percent'];
    put(target, 'percentage', value === null ? undefined : { value });
  },
};

/** A lens over `fault.<key>` (null when absent), its own fields patched through `lenses`. */
function faultLens<F extends object>(key: 'delay' | 'abort', lenses: Lenses<F>): Lens<F | null> {
  return {
    read: (raw) => {
      const part = objectAt(raw['fault'])[key];
      return part === undefined ? null : readWith(objectAt(part), lenses);
    },
    write: (target, value, raw) => {
      // Delay and abort share `fault`: each writes its own key into what the target holds by now.
      const fault = { ...objectAt(target['fault']) };
      const before = objectAt(objectAt(raw['fault'])[key]);
      put(fault, key, value === null ? undefined : patchWith(before, value, lenses));
      put(target, 'fault', Object.keys(fault).length === 0 ? undefined : fault);
    },
  };
}

const retriesLenses: Lenses<RetriesForm> = {
  attempts: numberLens('attempts'),
  perTryTimeout: textLens('perTryTimeout'),
};

const routeLenses: Lenses<Omit<RouteForm, 'raw'>> = {
  name: textLens('name'),
  matches: itemsLens('match', {
    read: (raw) => ({ raw, ...readWith(raw, matchLenses) }),
    patch: (form) => patchWith(form.raw, form, matchLenses),
  }),
  destinations: itemsLens('route', {
    read: (raw) => ({ raw, ...readWith(raw, destinationLenses) }),
    patch: (form) => patchWith(form.raw, form, destinationLenses),
  }),
  timeout: textLens('timeout'),
  retries: {
    read: (raw) => (raw['retries'] === undefined ? null : readWith(objectAt(raw['retries']), retriesLenses)),
    write: (target, value, raw) =>
      put(
        target,
        'retries',
        value === null ? undefined : patchWith(objectAt(raw['retries']), value, retriesLenses),
      ),
  },
  delay: faultLens<DelayForm>('delay', { fixedDelay: textLens('fixedDelay'), percent: percentLens }),
  abort: faultLens<AbortForm>('abort', { httpStatus: numberLens('httpStatus'), percent: percentLens }),
};

/** Reads one route. */
export function readRoute(raw: JsonObject): RouteForm {
  return { raw, ...readWith(raw, routeLenses) };
}

/** Writes one route back over the part it was read from. */
export function patchRoute(form: RouteForm): JsonObject {
  return patchWith(form.raw, form, routeLenses);
}

const specLenses: Lenses<VirtualServiceForm> = {
  hosts: listLens('hosts'),
  routes: itemsLens('http', { read: readRoute, patch: patchRoute }),
};

/** The form of a VirtualService object. */
export function readVirtualServiceForm(object: JsonObject): VirtualServiceForm {
  return readWith(objectAt(object['spec']), specLenses);
}

/** The object with the form written into its `spec`; fields the form does not show are kept. */
export function applyVirtualServiceForm(object: JsonObject, form: VirtualServiceForm): JsonObject {
  const spec = objectAt(object['spec']);
  return { ...object, spec: patchWith(spec, form, specLenses) };
}

/** What the weights of a route's destinations add up to: a single destination without a weight takes 100. */
export function weightSum(destinations: readonly Pick<DestinationForm, 'weight'>[]): number {
  const [only] = destinations;
  if (destinations.length === 1 && only !== undefined && only.weight === null) return 100;
  return destinations.reduce((sum, d) => sum + (d.weight ?? 0), 0);
}

/** A new, empty route to `host` (the form's "add route"). */
export function newRoute(host: string): RouteForm {
  return {
    raw: {},
    name: '',
    matches: [],
    destinations: [{ raw: {}, host, subset: '', weight: null }],
    timeout: '',
    retries: null,
    delay: null,
    abort: null,
  };
}
