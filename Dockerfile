# One image for the Node services; each compose service picks its command (npm start -w <service>).
# Build: docker build -t aispm .   (the web console has its own Dockerfile in apps/web)
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && chown -R node:node /app/.data 2>/dev/null || true
USER node
EXPOSE 3000
CMD ["npm", "start", "-w", "@aispm/api"]
