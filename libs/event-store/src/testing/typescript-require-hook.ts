import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where transpiled sources are kept between worker threads and processes (each file once per content). */
export const TRANSPILE_CACHE_DIR = join(tmpdir(), 'concord-test-transpile-cache');

/**
 * JavaScript that lets a plain Node process (a worker thread or a child process started by a
 * test) load the repository's TypeScript sources: a require hook transpiles `.ts` files with the
 * installed compiler (the repository has no TypeScript runner), and `@concord/<lib>` resolves to
 * the library's sources, as Jest's moduleNameMapper does.
 *
 * Loading the compiler and transpiling a writer's two dozen files took about a second, and the
 * contract suite starts a writer thread per test. So the output is kept on disk under a digest of
 * the compiler's version, the options, the file name and its source: a source changed since is
 * transpiled again, and the compiler is loaded only when a file is not there. A file is written
 * under a name of its own and renamed into place, so a reader never sees half of one.
 */
export function typescriptRequireHook(): string {
  const libs = join(__dirname, '..', '..', '..');
  return `
    const fs = require('node:fs');
    const path = require('node:path');
    const crypto = require('node:crypto');
    const Module = require('node:module');
    const typescriptPath = ${JSON.stringify(require.resolve('typescript'))};
    const typescriptVersion = require(path.join(path.dirname(typescriptPath), '..', 'package.json')).version;
    const cacheDir = ${JSON.stringify(TRANSPILE_CACHE_DIR)};
    const options = { module: 'CommonJS', target: 'ES2022', esModuleInterop: true };
    let ts;
    const transpile = (source, filename) => {
      ts ??= require(typescriptPath);
      const compilerOptions = { ...options, module: ts.ModuleKind[options.module], target: ts.ScriptTarget[options.target] };
      return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
    };
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const digest = crypto.createHash('sha256').update(JSON.stringify([typescriptVersion, options, filename, source])).digest('hex');
      const cached = path.join(cacheDir, digest + '.js');
      let output;
      try {
        output = fs.readFileSync(cached, 'utf8');
      } catch {
        output = transpile(source, filename);
        fs.mkdirSync(cacheDir, { recursive: true });
        const partial = cached + '.' + process.pid + '-' + crypto.randomUUID();
        fs.writeFileSync(partial, output);
        fs.renameSync(partial, cached);
      }
      module._compile(output, filename);
    };
    const resolveFilename = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (request.startsWith('@concord/')) {
        const [lib, ...inside] = request.slice('@concord/'.length).split('/');
        request = path.join(${JSON.stringify(libs)}, lib, 'src', ...inside);
      }
      return resolveFilename.call(this, request, ...rest);
    };
  `;
}
