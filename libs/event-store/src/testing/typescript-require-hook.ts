import { join } from 'node:path';

/**
 * JavaScript that lets a plain Node process (a worker thread or a child process started by a
 * test) load the repository's TypeScript sources: a require hook transpiles `.ts` files with the
 * installed compiler (the repository has no TypeScript runner), and `@concord/<lib>` resolves to
 * the library's sources, as Jest's moduleNameMapper does.
 */
export function typescriptRequireHook(): string {
  const libs = join(__dirname, '..', '..', '..');
  return `
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    const fs = require('node:fs');
    const path = require('node:path');
    const Module = require('node:module');
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
      module._compile(ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText, filename);
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
