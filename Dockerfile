# syntax=docker/dockerfile:1
#
# The MeshLens container image: a Next.js standalone server on Node.js 24 (the app needs 22.19 or newer), run as a
# non-root numeric user on a read-only root file system. Build and run: docs/deploy.md.
#
#   docker build -t registry.example.com/meshlens:0.1.0 .

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: install the npm dependencies, build the standalone server ----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Dependencies first, so that a source change does not reinstall them. `npm install --no-save` at the versions in
# package-lock.json rather than `npm ci`, as scripts/lib/bootstrap.mjs does: a registry that does not serve every
# other platform's optional binary (Next.js's and Tailwind's native builds for macOS and Windows) makes `npm ci`
# refuse the lock file; `npm install` skips the unavailable optional ones and installs this platform's.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-save --no-audit --no-fund

COPY . .
# public/ holds no tracked file today, so a fresh clone has no such folder; the runtime stage copies it.
RUN mkdir -p public \
 && NEXT_OUTPUT=standalone npx next build \
 && test -f .next/standalone/server.js

# ---- runtime: only the standalone server, its traced node_modules, static assets and public files ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000

# Files stay owned by root and read-only to the process; the one folder Next.js writes to (.next/cache: fetch and
# image caches) belongs to the runtime user. In Kubernetes the root file system is read-only and .next/cache and
# /tmp are emptyDir volumes (deploy/kubernetes/base/deployment.yaml).
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
RUN mkdir -p .next/cache && chown 65532:65532 .next/cache

USER 65532:65532
EXPOSE 3000
CMD ["node", "server.js"]
