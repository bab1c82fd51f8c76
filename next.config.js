// @ts-check
import { openIdFormActions, securityHeaders } from './lib/http/security-headers.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // client-node pulls in optional native and ESM-only pieces; keep it out of the server bundle.
  serverExternalPackages: ['@kubernetes/client-node', 'prom-client'],
  typedRoutes: false,
  // The container image (Dockerfile) builds with NEXT_OUTPUT=standalone; `next start` needs the default output.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  async headers() {
    const dev = process.env.NODE_ENV === 'development';
    return [
      {
        source: '/:path*',
        headers: securityHeaders({ dev, formActions: openIdFormActions(process.env) }),
      },
    ];
  },
};

export default nextConfig;
