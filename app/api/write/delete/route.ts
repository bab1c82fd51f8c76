import { deleteHandler } from '@/server/write/handlers';

export const dynamic = 'force-dynamic';

/** Deletes an object with its confirmation and base resourceVersion: `DeleteRequest` -> `AppliedAnswer` (or …). */
export const POST = deleteHandler();
