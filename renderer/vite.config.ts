import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // MERCATOR_NO_MINIFY=1 keeps function names readable in CPU profiles of the built app.
    minify: process.env.MERCATOR_NO_MINIFY ? false : undefined,
    chunkSizeWarningLimit: 2000,
    // Second page: the catalog browser and risk views on their own (end-to-end tests, screenshots).
    // Third page: the workshop room's participant page (renderer/src/room/participant-main.tsx).
    rollupOptions: {
      input: { main: path.join(here, 'index.html'), 'catalog-harness': path.join(here, 'catalog-harness.html'), room: path.join(here, 'room.html') },
    },
  },
  server: { host: '127.0.0.1' },
});
