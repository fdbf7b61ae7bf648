import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: a static page (relative paths, so Electron can load it from file:// and any static server can serve it).
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  // the reader worker loads its importers lazily (code splitting), which needs module workers
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Chromium (the desktop shell's and any browser the web build targets) preloads modules itself
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
});
