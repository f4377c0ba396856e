import { join } from 'node:path';

/**
 * JavaScript that lets a plain Node process (a worker thread or a child process started by a
 * test) load the repository's TypeScript sources: a require hook transpiles `.ts` files with the
 * installed compiler (the repository has no TypeScript runner), and `@concord/<lib>` resolves to
 * the library's sources, as Jest's moduleNameMapper does.
 *
 * Loading the compiler and transpiling a writer's two dozen files took about a second, and the
 * contract suite starts a writer thread per test. So the output is kept in this checkout's
 * `node_modules/.cache/concord-transpile` (the checkout's own, never a directory other users can
 * write to) under a digest of the compiler's version, the way it is called, the file name and its
 * source: a source changed since is transpiled again, and the compiler is loaded only when a file
 * is not there. A file is written under a name of its own and renamed into place, so a reader never
 * sees half of one; the cache only saves time, so a write that fails is let go.
 */
export function typescriptRequireHook(): string {
  const libs = join(__dirname, '..', '..', '..');
  const typescriptPath = require.resolve('typescript');
  const cacheDir = join(typescriptPath, '..', '..', '..', '.cache', 'concord-transpile');
  return `
    const fs = require('node:fs');
    const path = require('node:path');
    const crypto = require('node:crypto');
    const Module = require('node:module');
    const typescriptPath = ${JSON.stringify(typescriptPath)};
    const typescriptVersion = require(path.join(path.dirname(typescriptPath), '..', 'package.json')).version;
    const cacheDir = ${JSON.stringify(cacheDir)};
    const options = { module: 'CommonJS', target: 'ES2022', esModuleInterop: true };
    let ts;
    const transpile = (source, filename) => {
      ts ??= require(typescriptPath);
      const compilerOptions = { ...options, module: ts.ModuleKind[options.module], target: ts.ScriptTarget[options.target] };
      return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
    };
    const keep = (file, output) => {
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const partial = file + '.' + process.pid + '-' + crypto.randomUUID();
        fs.writeFileSync(partial, output);
        fs.renameSync(partial, file);
      } catch {}
    };
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const digest = crypto.createHash('sha256').update(JSON.stringify([typescriptVersion, transpile.toString(), options, filename, source])).digest('hex');
      const cached = path.join(cacheDir, digest + '.js');
      let output;
      try {
        output = fs.readFileSync(cached, 'utf8');
      } catch {
        output = transpile(source, filename);
        keep(cached, output);
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

/** A worker thread that runs the TypeScript file `source` (its `eval` entry), for tests, which run without a build. */
export function typescriptThreadEntry(source: string): { readonly entry: string; readonly eval: true } {
  return { entry: `${typescriptRequireHook()}\nrequire(${JSON.stringify(source)});`, eval: true };
}
