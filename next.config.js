// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // client-node pulls in optional native and ESM-only pieces; keep it out of the server bundle.
  serverExternalPackages: ['@kubernetes/client-node', 'prom-client'],
  typedRoutes: false,
};

export default nextConfig;
