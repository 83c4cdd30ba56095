import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web UI is a static bundle in `web/dist`, served by the API server at `/`. Relative
 * asset URLs (`base: './'`) let it be mounted under any prefix. The dev server proxies the
 * API to a running `npm start` (MARSAD_API, default http://127.0.0.1:3000).
 */
export default defineConfig({
  root,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Fonts are separate files (loaded by unicode-range); never inline them into the CSS.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    proxy: Object.fromEntries(
      ['/analyze', '/documents', '/search', '/entities', '/quotes', '/events', '/health', '/openapi.json'].map((p) => [
        p,
        { target: process.env.MARSAD_API ?? 'http://127.0.0.1:3000', changeOrigin: true },
      ]),
    ),
  },
});
