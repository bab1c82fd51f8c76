import { loginHandler } from '@/server/auth/handlers';

export const dynamic = 'force-dynamic';

export const POST = loginHandler;
