import { join } from 'node:path';
import { WriterThreadEntry } from '../sqlite-writers';

/**
 * The writer thread started from its TypeScript source, for tests, which run without a build: the
 * thread registers a require hook that transpiles `.ts` files with the installed compiler (the
 * repository has no TypeScript runner), then loads the entry.
 */
export function typescriptWriterThread(): WriterThreadEntry {
  const code = `
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    const fs = require('node:fs');
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
      module._compile(ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText, filename);
    };
    require(${JSON.stringify(join(__dirname, '..', 'sqlite-writer-thread.ts'))});
  `;
  return { entry: code, eval: true };
}
