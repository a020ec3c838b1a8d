# syntax=docker/dockerfile:1

# ---- build: install everything, compile, then drop dev dependencies --------------------------
FROM node:20-bookworm-slim AS builder
WORKDIR /app

# Dependencies first so this layer is reused until package*.json change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY tsconfig.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: compiled app + production node_modules, non-root --------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app

# Code stays root-owned (read-only for the app); /app itself belongs to `node` so the app can
# create runtime files (e.g. .data for the embedded database when no DATABASE_URL is given).
RUN chown node:node /app
COPY --from=builder /app/package.json ./package.json
COPY --from=builder /app/node_modules ./node_modules
COPY --from=builder /app/dist ./dist

USER node
EXPOSE 3000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/ready',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# The heap limit keeps the resident set near 200 MB under load (README, Operations: Memory).
CMD ["node", "--max-old-space-size=1024", "dist/apps/api/src/main.js"]
