import type { ReactNode } from 'react';
import type { SourceErrorDTO } from '@/lib/source-error';
import { toneClass, type Tone } from '@/components/overview/posture-format';

/** What could not be read, one line each (errors are data: the rest of the view is still shown). */
export function SourceErrors({ errors, testId }: { errors: SourceErrorDTO[]; testId: string }): ReactNode {
  if (errors.length === 0) return null;
  return (
    <ul data-testid={testId} className="mb-3 text-sm text-amber-700 dark:text-amber-400">
      {errors.map((e) => (
        <li key={`${e.source}:${e.kind}:${e.message}`}>⚠ {e.message}</li>
      ))}
    </ul>
  );
}

/** A heading between the parts of a tab, with an optional muted note after it. */
export function SectionHeading({ children, note }: { children: ReactNode; note?: ReactNode }): ReactNode {
  return (
    <h2 className="mt-6 mb-2 text-base font-semibold">
      {children}
      {note !== undefined && <span className="font-normal text-slate-500 dark:text-slate-400"> {note}</span>}
    </h2>
  );
}

/** A small coloured word. */
export function Tag({
  tone,
  children,
  title,
}: {
  tone: Tone;
  children: ReactNode;
  title?: string;
}): ReactNode {
  return (
    <span title={title} className={`font-medium whitespace-nowrap ${toneClass(tone)}`}>
      {children}
    </span>
  );
}

/** A bordered table in the page's style; `head` are the column titles. */
export function Table({
  head,
  children,
  testId,
}: {
  head: string[];
  children: ReactNode;
  testId?: string;
}): ReactNode {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table data-testid={testId} className="w-full border-collapse text-left text-sm">
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            {head.map((h) => (
              <th key={h} className="px-2 py-1 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The classes of a table row and of its cells. */
export const ROW_CLASS = 'border-t border-slate-200 align-top dark:border-slate-700';
export const CELL_CLASS = 'px-2 py-1';
