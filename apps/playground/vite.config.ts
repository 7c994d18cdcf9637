import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev mode the app talks to a running gateway (`pnpm start`); VG_GATEWAY_URL points elsewhere.
const gateway = process.env.VG_GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the build works wherever the gateway mounts it.
  base: './',
  // The dependency optimizer cannot bundle GraphiQL's `?worker` imports (monaco workers);
  // left alone, Vite's worker plugin handles them, in dev as in the build.
  optimizeDeps: { exclude: ['graphiql/setup-workers/vite'] },
  server: {
    // The Host header is passed on as the browser sent it (no changeOrigin): the example URLs the
    // page sends name this dev server, and the gateway reads them from its own examples folder
    // only when they name the host the request came to.
    proxy: {
      '/graphql': { target: gateway },
      '/examples': { target: gateway },
    },
  },
  build: {
    outDir: 'dist',
    // GraphiQL (monaco and its workers) is a lazily loaded chunk; it is big by nature.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // @graphiql/react starts its modules with "use no memo" (a React Compiler hint) that
        // bundlers drop; harmless, and hundreds of lines of noise.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
