import type { ImpactOutcome, WriteOutcome } from '@/lib/queries/write';

/** The last preview: for which text, the write path's answer and the impact on traffic (null: not judged). */
export interface PreviewState {
  forText: string;
  answer: WriteOutcome;
  impact: ImpactOutcome | null;
}

/** The last write (apply, delete, revert) and its answer. */
export interface WriteResult {
  action: 'apply' | 'delete' | 'revert';
  answer: WriteOutcome;
  /** The YAML the write sent (offered to copy when GitOps refuses it). */
  yaml: string;
}
