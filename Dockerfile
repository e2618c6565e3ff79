# syntax=docker/dockerfile:1
# The API image: compiled in a build stage with the dev dependencies, run with the production dependencies only,
# as the unprivileged `node` user. It has no embedded Neo4j (no Java): set NEO4J_URI to a Neo4j server, cluster or
# Aura (docs/deployment.md). Not built on our machines, which have no Docker engine; tests/deployment checks it parses.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are here.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY cypher ./cypher
COPY seed ./seed
COPY data/imaging/imaging.jsonl ./data/imaging/imaging.jsonl
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/server/main.js"]
