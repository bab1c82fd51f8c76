import { applyHandler } from '@/server/write/handlers';

export const dynamic = 'force-dynamic';

/** Writes an edit with its base resourceVersion: `ApplyRequest` -> `AppliedAnswer` (or invalid, conflict, gitops…). */
export const POST = applyHandler();
