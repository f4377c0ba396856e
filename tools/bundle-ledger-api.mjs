// Bundles the compiled API (dist/apps/ledger-api/src/start.js and every module it imports, ours and
// our dependencies') into one file beside it, with a manifest naming what went in. A start then
// reads one file instead of resolving and reading some 1,600, and can keep V8's compile cache for
// it (apps/ledger-api/src/program/load-program.ts). Runs after `nest build ledger-api`.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { rolldown } from 'rolldown';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const PROGRAM_DIR = join(DIST, 'apps/ledger-api/src');
// The manifest's names and format come from the module that reads it, as compiled just before.
const { BUNDLE_FILE, MANIFEST_FILE, describeBundledModule } = createRequire(import.meta.url)(join(PROGRAM_DIR, 'program/bundle-manifest.js'));

// Left to `require` at run time, each for a reason of its own.
const EXTERNAL = [
  // Native bindings, found beside their package's files.
  /^better-sqlite3$/,
  // Loaded only for the store chosen (CONCORD_STORE); the others never load.
  /^pg$/,
  /^@eventstore\//,
  // Its files are served as they are, found from its own directory (the API's /docs page).
  /^swagger-ui-dist(\/|$)/,
  /^@fastify\/static$/,
  // Starts its transports in worker threads that load its own files.
  /^pino(\/|$)/,
  // Optional packages of the framework that the API does not install; it asks for them only if used.
  /^@nestjs\/(microservices|websockets|platform-express)(\/|$)/,
  /^@fastify\/view$/,
  /^class-transformer\/storage$/,
];

/**
 * Our modules that find files beside themselves (the console's directory, the writer thread's
 * entry) keep finding them where the compiler put them: their `__dirname` becomes their own
 * directory again, not the bundle's.
 */
const keepOwnDirectory = {
  name: 'keep-own-directory',
  transform(code, id) {
    if (!id.startsWith(DIST + '/') || !code.includes('__dirname')) return null;
    const own = JSON.stringify(relative(PROGRAM_DIR, dirname(id)));
    return { code: code.replaceAll('__dirname', `require('node:path').join(__dirname, ${own})`), map: null };
  },
};

const problems = [];
const started = performance.now();
// A bundle is used only beside its own manifest: the one of an earlier build goes first.
rmSync(join(PROGRAM_DIR, MANIFEST_FILE), { force: true });
const bundle = await rolldown({
  input: join(PROGRAM_DIR, 'start.js'),
  platform: 'node',
  external: EXTERNAL,
  plugins: [keepOwnDirectory],
  logLevel: 'warn',
  // A module the bundle cannot find would fail only when first used: the build fails instead.
  onLog(level, log) {
    if (level === 'warn' || level === 'error') problems.push(`${log.code ?? level}: ${log.message}`);
  },
});
const { output } = await bundle.write({ file: join(PROGRAM_DIR, BUNDLE_FILE), format: 'cjs', codeSplitting: false });
await bundle.close();
if (problems.length > 0) {
  process.stderr.write(`bundle-ledger-api: ${problems.length} problem(s):\n${problems.join('\n')}\n`);
  process.exit(1);
}

const [chunk] = output;
const text = readFileSync(join(PROGRAM_DIR, BUNDLE_FILE));
// Our own modules as they went in: a start that finds one changed since (a compiler in watch mode
// rewrote it) loads the modules one by one instead of a stale bundle.
const inputs = Object.fromEntries(
  chunk.moduleIds
    .filter((id) => id.startsWith(DIST + '/'))
    .map((id) => [relative(PROGRAM_DIR, id), describeBundledModule(id)])
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
writeFileSync(join(PROGRAM_DIR, MANIFEST_FILE), `${JSON.stringify({ bundle: BUNDLE_FILE, inputs }, null, 1)}\n`);
process.stdout.write(
  `${JSON.stringify({
    msg: 'bundled the API',
    file: relative(ROOT, join(PROGRAM_DIR, BUNDLE_FILE)),
    modules: chunk.moduleIds.length,
    ownModules: Object.keys(inputs).length,
    bytes: text.length,
    ms: Math.round(performance.now() - started),
  })}\n`,
);
