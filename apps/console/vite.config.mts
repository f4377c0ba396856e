import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Built into dist/console, which the API serves at `/`: one server, no second port. */
export default defineConfig({
  root: here,
  base: '/',
  build: { outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)), emptyOutDir: true },
});
