import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The dev server forwards the API, the socket and health checks to a local Okno node so the
// browser talks to one origin, exactly as in production (cookies stay first-party).
// OKNO_BACKEND points it at another node, e.g. a second server on another port.
const backend = process.env.OKNO_BACKEND ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [solid()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
});
