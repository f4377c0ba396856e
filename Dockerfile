# The ledger API on the embedded SQLite store; docker-compose.yml mounts /app/data as a volume.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The prepare script builds from the sources, which are not copied yet; the native SQLite binding
# is built explicitly instead.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CONCORD_DATA_DIR=/app/data PORT=3000
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
# Not as root: the program and its modules stay root's (the process cannot change its own code; it
# starts without V8's compile cache, which it would write beside the bundle), the data is the node
# user's. A named volume mounted at /app/data takes this directory's owner when first created.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/apps/ledger-api/src/main.js"]
