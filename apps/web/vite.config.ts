import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const domainSrc = fileURLToPath(new URL('../../packages/domain/src', import.meta.url));

/**
 * The client imports the domain's TypeScript sources directly (the same schemas and derivations
 * the API runs). In development `/api` goes to the API on API_PORT (default 3000).
 */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^@budgetflow\/domain(\/.*)?$/, replacement: `${domainSrc}$1` }] },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: `http://127.0.0.1:${process.env['API_PORT'] ?? '3000'}`, changeOrigin: false },
    },
  },
  // The editor derives its tables and findings in a module worker (features/editor/derive), which
  // carries only the domain's derivation and rules, tree-shaken as the pages are.
  worker: {
    format: 'es',
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !id.startsWith(domainSrc) } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // The domain is pure (its modules only define things), so a page carries only the parts it
    // calls: the public portal does not download the catalogue, the rules or the derivation.
    rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !id.startsWith(domainSrc) } },
  },
});
