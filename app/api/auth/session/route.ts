import { sessionHandler } from '@/server/auth/handlers';

export const dynamic = 'force-dynamic';

export const GET = sessionHandler;
