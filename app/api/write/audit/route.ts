import { auditHandler } from '@/server/write/handlers';

export const dynamic = 'force-dynamic';

/** Audit records, newest first: `?namespace=&name=&kind=&limit=` -> `AuditList`. */
export const GET = auditHandler();
