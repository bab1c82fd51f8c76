import { logoutHandler } from '@/server/auth/handlers';

export const dynamic = 'force-dynamic';

export const POST = logoutHandler;
