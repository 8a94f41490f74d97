# Budgetflow's one image: the API (node apps/api/dist/main.js), the worker (node apps/api/dist/worker.js)
# and the migrations (node apps/api/dist/database/migrate.command.js). Build: docker build -t budgetflow .
# The PDF font (Noto Sans SC) is the npm package @expo-google-fonts/noto-sans-sc, a production
# dependency, so it is in node_modules; the host's fonts are never read. poppler-utils gives the
# pdftotext that the check before publishing reads each PDF back with.

FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@12.21.0
WORKDIR /src
# The manifests first, so that a change of source reuses the installed dependencies.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY apps/web/package.json apps/web/
COPY packages/domain/package.json packages/domain/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build \
 && rm -rf node_modules apps/*/node_modules packages/*/node_modules \
 && pnpm install --frozen-lockfile --prod --offline

FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends poppler-utils tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production BUDGETFLOW_MODE=production PORT=3000
WORKDIR /app
COPY --from=build --chown=root:root /src/package.json /src/pnpm-workspace.yaml ./
COPY --from=build --chown=root:root /src/node_modules ./node_modules
COPY --from=build --chown=root:root /src/packages/domain/package.json ./packages/domain/
COPY --from=build --chown=root:root /src/packages/domain/dist ./packages/domain/dist
COPY --from=build --chown=root:root /src/packages/domain/node_modules ./packages/domain/node_modules
COPY --from=build --chown=root:root /src/apps/api/package.json ./apps/api/
COPY --from=build --chown=root:root /src/apps/api/dist ./apps/api/dist
COPY --from=build --chown=root:root /src/apps/api/node_modules ./apps/api/node_modules
COPY --from=build --chown=root:root /src/apps/web/dist ./apps/web/dist
# The code belongs to root and is read-only to the process; it runs as the image's unprivileged user.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "apps/api/dist/main.js"]
