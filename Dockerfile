# Build stage: the browser pages and the service compiled to JavaScript (esbuild, Preact and the WeCom JS-SDK
# are dev dependencies): `npm run build` writes web/*/dist and dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY web ./web
COPY src ./src
RUN npm run build

# Runtime: Node 20 running dist/main.js (the same as `npm run start:prod`), no TypeScript loader.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY config ./config
COPY --from=build /app/dist ./dist
COPY --from=build /app/web ./web
RUN mkdir -p var/spool && chown -R node:node var
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/main.js"]
