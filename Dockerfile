# One image per service:   docker build --network host --build-arg SERVICE=user-service -t kc/user-service .
# One-shot tooling image:  docker build --network host --target tools -t kc/tools .
# (--network host only where build containers have no outbound network of their own, as on
# the private dockerd of tools/docker; on a normal Docker host it is not needed.)
#
# Stages are ordered so that the legacy builder (docker-compose 1.29 without BuildKit), which
# builds every stage before the target, shares the install layer between all seven images.
ARG NODE_IMAGE=node:22-slim

# --- deps: the workspace installed from the lockfile, Prisma clients generated, built ------
FROM ${NODE_IMAGE} AS deps
# Extra CA certificates (PEM text) for networks that intercept TLS to the npm registry; empty
# on a normal machine. Only the build stages trust them, never the runtime image.
ARG EXTRA_CA_CERTS=""
RUN if [ -n "$EXTRA_CA_CERTS" ]; then printf '%s\n' "$EXTRA_CA_CERTS" > /etc/extra-ca-certs.pem; \
    else : > /etc/extra-ca-certs.pem; fi
ENV NODE_EXTRA_CA_CERTS=/etc/extra-ca-certs.pem
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true \
    PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 \
    npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
RUN npm i -g pnpm@10.34.8
WORKDIR /repo
# Manifests first, so editing source code does not invalidate the install layer.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY patches patches
COPY apps/analytics-service/package.json apps/analytics-service/
COPY apps/inventory-service/package.json apps/inventory-service/
COPY apps/notification-service/package.json apps/notification-service/
COPY apps/order-service/package.json apps/order-service/
COPY apps/payment-service/package.json apps/payment-service/
COPY apps/user-service/package.json apps/user-service/
COPY apps/stack-e2e/package.json apps/stack-e2e/
COPY libs/auth/package.json libs/auth/
COPY libs/config/package.json libs/config/
COPY libs/events/package.json libs/events/
COPY libs/messaging/package.json libs/messaging/
COPY libs/messaging-testing/package.json libs/messaging-testing/
COPY libs/money/package.json libs/money/
COPY libs/platform/package.json libs/platform/
COPY libs/testing/package.json libs/testing/
COPY tools/package.json tools/
RUN pnpm install --frozen-lockfile
COPY . .
# Every app and lib compiled once here, shared by the seven images (Nx builds libs first).
RUN bash tools/db/generate.sh \
 && pnpm exec nx run-many -t build -p 'tag:type:app' --parallel=2

# --- tools: one-shot jobs (migrations, topics, dev keys) and the mail catcher ---------------
#   pnpm exec tsx tools/db/cli.ts migrate          (POSTGRES_URL)
#   pnpm exec tsx tools/stack/cli.ts topics        (KAFKA_BROKERS)
#   pnpm exec tsx tools/mailcatcher/cli.ts --smtp-port 1025 --http-port 8025 --host 0.0.0.0
FROM deps AS tools
CMD ["pnpm", "exec", "tsx", "tools/stack/cli.ts", "topics"]

# --- build: one service deployed with its production dependencies only -------------------
FROM deps AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<name>-service" >&2; exit 1; }
RUN test -f "apps/${SERVICE}/dist/main.js" || { echo "unknown SERVICE: $SERVICE" >&2; exit 1; }
RUN pnpm --filter "@kafka-commerce/${SERVICE}" deploy --prod --legacy /out \
 && test -f /out/dist/main.js \
 && test -f /out/node_modules/@kafka-commerce/platform/dist/index.js \
 && test -f /out/node_modules/@kafka-commerce/events/dist/index.js \
 && ls /out/dist/generated/prisma >/dev/null \
 && rm -rf /out/src /out/*.tsbuildinfo /out/dist/*.tsbuildinfo /out/jest.config.js /out/tsconfig*.json
# @prisma/client's peer dependencies (prisma, typescript) drag the whole Prisma CLI in (Studio,
# PGlite, Effect, React: ~200 MB). The generated client needs only @prisma/client/runtime and
# @prisma/client-runtime-utils, and the driver adapter @prisma/adapter-pg; drop the CLI closure
# and the query compilers of other databases (the generated client loads the PostgreSQL one).
RUN cd /out/node_modules/.pnpm \
 && rm -rf prisma@* typescript@* effect@* react@* react-dom@* valibot@* @radix-ui+* \
           @electric-sql+* @prisma+studio-core@* @prisma+dev@* @prisma+engines@* \
           @prisma+engines-version@* @prisma+fetch-engine@* @prisma+streams-local@* \
           @prisma+config@* @prisma+query-plan-executor@* \
 && cd @prisma+client@*/node_modules/@prisma/client/runtime \
 && rm -f ./*mysql* ./*sqlite* ./*sqlserver* ./*cockroachdb* ./query_compiler_small_bg.* \
 && test -f query_compiler_fast_bg.postgresql.wasm-base64.js \
 && du -sh /out

# --- runtime: the final, small image -------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production PORT=3000 SERVICE=${SERVICE}
RUN id -u node >/dev/null 2>&1 || useradd --create-home --uid 1000 --user-group node
WORKDIR /app
# Owned by root, run as node: the process cannot modify its own code.
COPY --from=build /out /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
