import 'server-only';
import { randomBytes } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { defaultValidator } from '@/lib/write/schema-validator';
import type { ObjectValidator } from '@/lib/write/validate';
import { kubeRest, type KubeRest } from './kube-rest';

/**
 * What one write operation needs, passed in rather than reached for: the API calls (made with the KubeConfig the
 * route chose: the dashboard's own today, the acting user's once the dashboard has users), who acts, where audit
 * records go, the object validators, the log, the clock and the randomness. Tests pass their own.
 */
export interface WriteContext {
  /** The acting user's calls: every change is made with their rights. */
  kube: KubeRest;
  /** The dashboard's own calls, for its audit store. */
  auditKube: KubeRest;
  /** Who makes the change, for the audit record and the log (`anonymous` until the dashboard has users). */
  who: string;
  /** The namespace audit ConfigMaps are kept in. */
  auditNamespace: string;
  /** Checks of the object before the dry run (the Config page's schemas, else the known-field check). */
  validators: readonly ObjectValidator[];
  /** One line per write to the server log. */
  log: (line: string) => void;
  now: () => Date;
  /** Six lower-case letters and digits, for audit record names. */
  randomSuffix: () => string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(): string {
  return [...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** A context over a KubeConfig with the default validators, log, clock and randomness. */
export function writeContext(
  kc: KubeConfig,
  options: {
    who: string;
    auditNamespace: string;
    /** The dashboard's own KubeConfig for the audit records; `kc` when absent. */
    auditKubeConfig?: KubeConfig;
    validators?: readonly ObjectValidator[];
  },
): WriteContext {
  return {
    kube: kubeRest(kc),
    auditKube: kubeRest(options.auditKubeConfig ?? kc),
    who: options.who,
    auditNamespace: options.auditNamespace,
    validators: options.validators ?? [defaultValidator()],
    log: (line) => console.info(line),
    now: () => new Date(),
    randomSuffix,
  };
}
