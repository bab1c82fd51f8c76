/**
 * The kubeconfig for the demo API server: one cluster (on loopback), one user (without credentials, or with a
 * bearer token for a server that authenticates) and one context, so that `kubectl --kubeconfig <file>` and
 * client-node's `loadFromFile` both work. A plain-HTTP cluster is marked `insecure-skip-tls-verify`:
 * @kubernetes/client-node 2 will not talk plain HTTP otherwise. An HTTPS one (a server with auth) is trusted through
 * its self-signed certificate.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

/** Names in the kubeconfig. */
export interface KubeconfigOptions {
  /** Name of the context (and of its cluster and user); `meshlens-demo` by default. */
  context?: string;
  /** The context's default namespace; `default` by default. */
  namespace?: string;
  /** A bearer token for the user (a server started with `auth`); no credentials by default. */
  token?: string;
  /**
   * The PEM certificate to trust for an `https://` server (`ApiServer.certificateAuthority`); without it TLS
   * verification is off.
   */
  certificateAuthority?: string;
}

function trust(certificateAuthority: string | undefined): Record<string, unknown> {
  if (certificateAuthority === undefined) return { 'insecure-skip-tls-verify': true };
  return { 'certificate-authority-data': Buffer.from(certificateAuthority).toString('base64') };
}

/** The kubeconfig document for a server URL, as YAML text. */
export function kubeconfigYaml(serverUrl: string, options: KubeconfigOptions = {}): string {
  const name = options.context ?? 'meshlens-demo';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    // client-node 2 refuses plain HTTP unless TLS verification is (nominally) off; kubectl ignores the flag for
    // http:// servers, so it changes nothing else.
    clusters: [{ name, cluster: { server: serverUrl, ...trust(options.certificateAuthority) } }],
    users: [{ name, user: options.token === undefined ? {} : { token: options.token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: options.namespace ?? 'default' } }],
    'current-context': name,
  });
}

/** Writes the kubeconfig to `path` (mode 0600), creating its directory. */
export async function writeKubeconfig(
  path: string,
  serverUrl: string,
  options: KubeconfigOptions = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigYaml(serverUrl, options), { mode: 0o600 });
}
