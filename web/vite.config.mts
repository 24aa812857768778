import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The sales user's app, built into dist/web (after `nest build`, which empties dist) and served
 * by the service under /app/. JSX is compiled by Vite's own transform (automatic runtime); no
 * dev-only plugin is needed for a production build.
 */
export default defineConfig({
  root: webRoot,
  base: '/app/',
  publicDir: 'public',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    rolldownOptions: {
      // React Query marks its modules "use client" (for server components): nothing to keep here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // `npx vite web` during development: the API on the service started with `npm start`.
    proxy: { '^/(?!app/|src/|@|node_modules/).*': 'http://127.0.0.1:3000' },
  },
});
