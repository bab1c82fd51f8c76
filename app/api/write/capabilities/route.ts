import { capabilitiesHandler } from '@/server/write/handlers';

export const dynamic = 'force-dynamic';

/** Whether the dashboard writes, and the anti-CSRF token (also set as a cookie): `WriteCapabilities`. */
export const GET = capabilitiesHandler();
