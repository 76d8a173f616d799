FROM node:20-bookworm-slim
# Debian's chromium for whatsapp-web.js; puppeteer's own download is skipped by .puppeteerrc.cjs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-core ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY jobs ./jobs
COPY locales ./locales
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium WHATSAPP_DATA_DIR=/data/whatsapp
VOLUME ["/data"]
EXPOSE 3000
ENTRYPOINT ["tini", "--", "node", "bin/tor4you-bot.js"]
CMD ["start"]
