import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console: built to web/dist by local/web.ts (npm start, the browser tests' setup).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
