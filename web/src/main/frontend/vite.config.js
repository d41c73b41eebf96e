import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Maven passes the bundle's class folder (target/classes/ui); a plain `npm run build` writes to the same place.
const outDir = process.env.OMNILUX_UI_OUT_DIR || fileURLToPath(new URL('../../../target/classes/ui', import.meta.url));

export default defineConfig({
  // served by the org.omnilux.web bundle at /ui/
  base: '/ui/',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // no inline module preload polyfill: the page runs under script-src 'self'
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev` against a server started with `java -jar runtime/target/omnilux.jar`
    proxy: { '/api': 'http://127.0.0.1:8080', '/artwork': 'http://127.0.0.1:8080' },
  },
});
