/**
 * An application workload in one call: its ServiceAccount, a Deployment labelled `app`/`version`, and the Service
 * in front of it, the way most Helm charts lay an application out.
 */
import type { WorkloadKey } from '../model/behaviour';
import type { ServicePort } from './core-objects';
import type { WorldBuilder } from './world-builder';

/** An application workload to add. */
export interface AppSpec {
  namespace: string;
  /** The `app` label, and the name of the Service and ServiceAccount. */
  app: string;
  version: string;
  /** The Deployment's name; `<app>-<version>` by default. */
  deployment?: string;
  image: string;
  replicas?: number;
  /** The Service port; no Service when absent (a pure client). */
  port?: ServicePort;
  /** False for a second version of an app whose Service already exists. */
  withService?: boolean;
}

/** Adds the app's ServiceAccount, Deployment (with ReplicaSet and pods) and Service; returns the workload. */
export function addApp(builder: WorldBuilder, spec: AppSpec): WorkloadKey {
  const { namespace, app, version, port } = spec;
  const name = spec.deployment ?? `${app}-${version}`;
  builder.serviceAccount(namespace, app, { app });
  builder.deployment({
    namespace,
    name,
    replicas: spec.replicas ?? 1,
    labels: { app, version },
    template: {
      labels: { app, version },
      serviceAccount: app,
      containers: [
        {
          name: app,
          image: spec.image,
          ...(port && { ports: [{ containerPort: Number(port.targetPort ?? port.port), protocol: 'TCP' }] }),
        },
      ],
    },
  });
  if (port && spec.withService !== false) {
    builder.service({
      namespace,
      name: app,
      labels: { app, service: app },
      selector: { app },
      ports: [port],
    });
  }
  return { namespace, name };
}
