import Link from 'next/link';
import type { ReactNode } from 'react';
import { namespaceHref, workloadHref } from '@/lib/mesh/detail-links';
import type { MtlsFinding, NamespaceMtls, WorkloadMtls } from '@/lib/mesh/views-types';
import { DEFAULT_VIEW, type ViewState } from '@/lib/view-state';
import { MODE_WORDS, percentDown, toneClass } from '@/components/overview/posture-format';
import { modeTone } from './mesh-format';
import { CELL_CLASS, ROW_CLASS, Table, Tag } from './mesh-parts';

/** An observed inbound share: `100% mTLS` green, less amber, nothing seen muted. */
function Share({ share }: { share: number | null }): ReactNode {
  if (share === null) return <span className="text-slate-500 dark:text-slate-400">nothing came in</span>;
  return <Tag tone={share >= 1 ? 'good' : 'warn'}>{percentDown(share)} mTLS</Tag>;
}

/** What to look at, warnings first. */
export function MtlsFindings({ findings }: { findings: MtlsFinding[] }): ReactNode {
  if (findings.length === 0) {
    return <p className="text-sm text-slate-500">Nothing to look at.</p>;
  }
  return (
    <ul className="space-y-1 text-sm">
      {findings.map((f) => (
        <li
          key={`${f.code}:${f.subject}`}
          data-testid="mtls-finding"
          data-code={f.code}
          data-subject={f.subject}
          className={`rounded border px-2 py-1 ${
            f.severity === 'warning'
              ? 'border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40'
              : 'border-sky-200 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40'
          }`}
        >
          <span className={`font-semibold ${toneClass(f.severity === 'warning' ? 'warn' : 'info')}`}>
            {f.severity === 'warning' ? '⚠' : 'ℹ'} {f.subject}
          </span>{' '}
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/** The mode cell: the mode (or unknown) in its tone, and where it comes from. */
function Mode({
  row,
  known,
  dataplane,
}: {
  row: NamespaceMtls | WorkloadMtls;
  known: boolean;
  dataplane: NamespaceMtls['dataplane'] | WorkloadMtls['dataplane'];
}): ReactNode {
  if (!known) return <span className="text-slate-500">unknown</span>;
  return (
    <>
      <Tag tone={modeTone(row.mode, dataplane)}>{row.mode}</Tag>{' '}
      <span className="text-slate-600 dark:text-slate-300">{row.text}</span>
      {dataplane === 'none' && (
        <div className="text-xs text-slate-500 dark:text-slate-400">out of the mesh: does not apply</div>
      )}
    </>
  );
}

/** Every namespace: data plane, effective mode and its source, workload policies, inbound mTLS. */
export function NamespaceModes({
  rows,
  known,
  view = DEFAULT_VIEW,
  action,
}: {
  rows: NamespaceMtls[];
  known: boolean;
  /** Kept on the links to the namespace pages. */
  view?: ViewState;
  /** A control for each row (the set-mode action), in a last column; none when absent. */
  action?: (row: NamespaceMtls) => ReactNode;
}): ReactNode {
  const head = ['Namespace', 'Data plane', 'Mode', 'Workload policies', 'Inbound'];
  return (
    <Table head={action ? [...head, ''] : head} testId="mtls-namespaces">
      {rows.map((ns) => (
        <tr
          key={ns.namespace}
          data-testid="mtls-namespace-row"
          data-namespace={ns.namespace}
          data-mode={known ? ns.mode : 'unknown'}
          className={ROW_CLASS}
        >
          <td className={`${CELL_CLASS} font-medium`}>
            <Link href={namespaceHref(ns.namespace, view)} className="hover:underline">
              {ns.namespace}
            </Link>
          </td>
          <td className={`${CELL_CLASS} ${toneClass(MODE_WORDS[ns.dataplane].tone)}`}>
            {MODE_WORDS[ns.dataplane].text}
          </td>
          <td className={CELL_CLASS}>
            <Mode row={ns} known={known} dataplane={ns.dataplane} />
          </td>
          <td className={`${CELL_CLASS} tabular-nums`}>{ns.workloadPolicies}</td>
          <td className={CELL_CLASS}>
            <Share share={ns.inboundMtls} />
          </td>
          {action && <td className={CELL_CLASS}>{action(ns)}</td>}
        </tr>
      ))}
    </Table>
  );
}

/** Workloads in the mesh: effective mode, its source and port-level overrides, inbound mTLS. */
export function WorkloadModes({
  rows,
  known,
  view = DEFAULT_VIEW,
}: {
  rows: WorkloadMtls[];
  known: boolean;
  /** Kept on the links to the workload pages. */
  view?: ViewState;
}): ReactNode {
  return (
    <Table head={['Workload', 'Data plane', 'Mode', 'Ports', 'Inbound']} testId="mtls-workloads">
      {rows.map((w) => (
        <tr
          key={`${w.namespace}/${w.name}`}
          data-testid="mtls-workload-row"
          data-workload={`${w.namespace}/${w.name}`}
          data-mode={known ? w.mode : 'unknown'}
          className={ROW_CLASS}
        >
          <td className={`${CELL_CLASS} font-medium break-all`}>
            <Link href={workloadHref(w.namespace, w.name, view)} className="hover:underline">
              {w.namespace}/{w.name}
            </Link>
          </td>
          <td className={CELL_CLASS}>{w.dataplane}</td>
          <td className={CELL_CLASS}>
            <Mode row={w} known={known} dataplane={w.dataplane} />
          </td>
          <td className={`${CELL_CLASS} tabular-nums`}>
            {w.ports.length === 0 ? '—' : w.ports.map((p) => `${p.port}: ${p.mode}`).join(', ')}
          </td>
          <td className={CELL_CLASS}>
            <Share share={w.inboundMtls} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
