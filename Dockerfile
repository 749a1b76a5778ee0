# syntax=docker/dockerfile:1
# Multi-stage: compile TypeScript with the dev toolchain, ship only compiled JS and production packages.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# See .ci/run: the lock omits optional builds for other platforms, which `npm ci` insists on.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY twiml ./twiml
COPY workers ./workers
COPY migrations ./migrations
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
# fly.toml picks the process (web or worker); alone, the image runs both.
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
