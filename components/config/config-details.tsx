import type { ReactNode } from 'react';
import type { ConfigObjectSummary, Severity } from '@/lib/config/types';
import { toneClass, type Tone } from '@/components/overview/posture-format';
import { GITOPS_WORDS, yamlOf } from './config-format';

const SEVERITY_TONE: Readonly<Record<Severity, Tone>> = { error: 'bad', warning: 'warn', info: 'info' };

/** An expanded row: the findings with their field paths, then the object as YAML (read-only for now). */
export function ConfigDetails({ row }: { row: ConfigObjectSummary }): ReactNode {
  return (
    <div className="space-y-3 py-2">
      {row.gitops !== null && (
        <p className="text-sm text-amber-700 dark:text-amber-400">
          Managed by {GITOPS_WORDS[row.gitops.tool]} ({row.gitops.evidence}): change it in Git, or the next
          sync reverts the change.
        </p>
      )}
      {row.findings.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No findings: valid, and no lint rule objects.
        </p>
      ) : (
        <ul className="space-y-1 text-sm">
          {row.findings.map((finding) => (
            <li
              key={`${finding.code}:${finding.path}:${finding.message}`}
              data-testid="config-finding"
              data-code={finding.code}
              data-severity={finding.severity}
            >
              <span className={`font-medium ${toneClass(SEVERITY_TONE[finding.severity])}`}>
                {finding.severity}
              </span>{' '}
              <code className="text-xs text-slate-500 dark:text-slate-400">{finding.code}</code>{' '}
              {finding.path !== '' && (
                <code className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{finding.path}</code>
              )}{' '}
              <span>{finding.message}</span>
            </li>
          ))}
        </ul>
      )}
      <pre
        data-testid="config-yaml"
        className="max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
      >
        {yamlOf(row.object)}
      </pre>
    </div>
  );
}
