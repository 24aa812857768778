# syntax=docker/dockerfile:1
#
# Zigral production image. Build:  docker build -t zigral .
# Run:    docker run -p 3000:3000 -v zigral-data:/app/data -v zigral-logs:/app/logs zigral
#
# Stages: toolchain -> build (compiles TypeScript to dist/, the web app to dist/web)
#         toolchain -> prod-deps (production node_modules, better-sqlite3 compiled from source)
#         runtime (slim base + dist/ + prod node_modules; no compiler, runs as `node`)

ARG NODE_IMAGE=node:20.20-bookworm-slim

# --- toolchain: Node plus python3/make/g++, which node-gyp needs to compile better-sqlite3 -------
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
# - SCARF_ANALYTICS=false: @scarf/scarf (via swagger-ui-dist) must never phone home, even if run.
# - build_from_source: better-sqlite3 skips the prebuilt-binary download and compiles here.
# - nodedir: node-gyp uses the headers shipped in the image instead of downloading them.
ENV SCARF_ANALYTICS=false \
    npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
WORKDIR /app

# --- build: full install (dev dependencies included) and `nest build` into dist/ ---------------
# --ignore-scripts: no dependency install scripts run (package.json's allowScripts is not read by
# the npm 10 bundled with Node 20); the TypeScript build does not load better-sqlite3 at all.
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY web ./web
RUN npm run build

# --- prod-deps: production dependencies only, with better-sqlite3's native addon compiled ------
# Install scripts are skipped for every package (so @scarf/scarf's postinstall never runs), then
# better-sqlite3 - the one package allowScripts permits - is rebuilt explicitly. Its compile
# intermediates and bundled SQLite sources (~27 MB) are not needed at run time.
FROM toolchain AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts \
    && npm rebuild better-sqlite3 \
    && rm -rf node_modules/better-sqlite3/build/Release/obj* node_modules/better-sqlite3/deps

# --- runtime: slim base, no compiler; app files owned by root and read-only for the app user ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=sqlite:/app/data/zigral.sqlite \
    LOG_DIR=/app/logs
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Only the data and log folders are writable by `node` (uid 1000, created by the base image).
RUN mkdir -p /app/data /app/logs && chown node:node /app/data /app/logs
VOLUME ["/app/data", "/app/logs"]
USER node
EXPOSE 3000
# Slim images have no curl: Node's own fetch probes /health on the configured port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# node directly (not `npm start`): no prestart build hook, and SIGTERM reaches the app, which
# finishes in-flight requests, closes the database and exits 0. The flags are npm start's
# (scripts/node-flags.js checks they match): an explicit 1 GB old-space limit makes V8 collect
# its old generation far earlier than with the default limit (a quarter of the machine's memory),
# which kept the benchmark's peak RSS at about 200 MB instead of 300 MB at the same CPU cost.
CMD ["node", "--max-old-space-size=1024", "dist/main.js"]
