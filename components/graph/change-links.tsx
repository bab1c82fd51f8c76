'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useViewState } from '@/components/layout/use-view-state';
import {
  denyCallerDraft,
  draftLink,
  injectFaultDraft,
  newPolicyDraft,
  shiftTrafficDraft,
} from '@/lib/config/drafts';
import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { capabilitiesQuery } from '@/lib/queries/write';
import { writeViewState } from '@/lib/view-state';
import { PanelHeading } from './detail-parts';

const LINK =
  'rounded border border-slate-300 px-2 py-1 text-sky-700 hover:bg-slate-100 dark:border-slate-600 dark:text-sky-300 dark:hover:bg-slate-800';

/** The shortcuts for the selected element: each opens the editor on a prepared object, nothing is written yet. */
type Shortcut = { text: string; testId: string; href: string };

function Shortcuts({ items }: { items: Shortcut[] }): ReactNode {
  const { data } = useQuery(capabilitiesQuery());
  // Read-only dashboards offer no edit controls; until the answer is in, offer none either.
  if (!data || data.readOnly || items.length === 0) return null;
  return (
    <>
      <PanelHeading>Change</PanelHeading>
      <div className="flex flex-wrap gap-2 text-sm">
        {items.map((s) => (
          <Link key={s.testId} href={s.href} data-testid={s.testId} className={LINK}>
            {s.text}
          </Link>
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Opens the editor with a preview of what it would do; nothing is applied yet.
      </p>
    </>
  );
}

/** "Deny this caller", "Shift traffic", "Inject a fault" for an L7 workload edge between named workloads. */
export function EdgeChanges(props: {
  edge: GraphEdge;
  source?: GraphNode;
  target?: GraphNode;
  nodes: readonly GraphNode[];
}): ReactNode {
  const { view } = useViewState();
  const { edge, source, target, nodes } = props;
  const named = (n?: GraphNode): n is GraphNode =>
    n !== undefined && n.kind === 'workload' && n.namespace !== '';
  if (!named(target)) return null;
  const keep = writeViewState(new URLSearchParams(), view);
  const items: Shortcut[] = [];
  // A caller the telemetry names (a workload or a gateway) can be denied; an unknown or outside one cannot.
  if (
    source !== undefined &&
    (source.kind === 'workload' || source.kind === 'gateway') &&
    source.namespace !== ''
  ) {
    items.push({
      text: 'Deny this caller',
      testId: 'graph-change-deny',
      href: draftLink(denyCallerDraft(edge, source, target), keep),
    });
  }
  if (edge.protocol !== 'tcp') {
    items.push(
      {
        text: 'Shift traffic',
        testId: 'graph-change-shift',
        href: draftLink(shiftTrafficDraft(target, nodes), keep),
      },
      {
        text: 'Inject a fault',
        testId: 'graph-change-fault',
        href: draftLink(injectFaultDraft(target), keep),
      },
    );
  }
  return <Shortcuts items={items} />;
}

/** "New policy for this workload" for a workload node. */
export function NodeChanges({ node }: { node: GraphNode }): ReactNode {
  const { view } = useViewState();
  if (node.kind !== 'workload' || node.namespace === '') return null;
  const keep = writeViewState(new URLSearchParams(), view);
  return (
    <Shortcuts
      items={[
        {
          text: 'New policy for this workload',
          testId: 'graph-change-policy',
          href: draftLink(newPolicyDraft(node), keep),
        },
      ]}
    />
  );
}
