import { revertHandler } from '@/server/write/handlers';

export const dynamic = 'force-dynamic';

/** Undoes one audited change: `RevertRequest` -> `AppliedAnswer` (or conflict, gitops, refused…). */
export const POST = revertHandler();
