import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

// The console talks to the API on its own origin, so the same proxy serves `vite` and `vite preview`.
// The Host header is kept: the API checks that a browser's Origin matches it (CSRF defence).
const proxy = {
  '/api': { target: apiUrl, changeOrigin: false },
  '/healthz': { target: apiUrl, changeOrigin: false },
  '/readyz': { target: apiUrl, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: Number(process.env.WEB_PORT ?? 5173), strictPort: true, proxy },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks stay cached across console releases; recharts stays in the lazy dashboard chunk.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 3,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](core|hooks|notifications|store)|@floating-ui)[\\/]/,
              priority: 2,
            },
            { name: 'zod', test: /node_modules[\\/](zod|@asteasolutions)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
