# Stage 1: the production dependencies, installed from the lockfile.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund

# Stage 2: the runtime, with Debian's chromium for whatsapp-web.js (puppeteer's download is
# skipped by .puppeteerrc.cjs), running as the unprivileged `node` user.
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-core ca-certificates tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data/whatsapp && chown -R node:node /data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json .puppeteerrc.cjs ./
COPY bin ./bin
COPY src ./src
COPY jobs ./jobs
COPY locales ./locales
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium WHATSAPP_DATA_DIR=/data/whatsapp
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tini forwards SIGTERM so the app shuts down in order (intake, workers, WhatsApp, queues, Redis).
ENTRYPOINT ["tini", "--", "node", "bin/tor4you-bot.js"]
CMD ["start"]
