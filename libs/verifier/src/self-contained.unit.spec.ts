import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The verifier is handed to auditors on its own: its code may import only its own files and Node's
// built-ins (by their node: names), never the rest of the project or a package.
describe('the verifier module is self-contained', () => {
  const root = __dirname;
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  })(root).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));

  // import ... from 'x', export ... from 'x', import 'x', import('x') and require('x').
  const specifiers = (source: string): string[] =>
    [
      ...source.matchAll(
        /\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)|\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
      ),
    ].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');

  it('finds the module files', () => {
    expect(files.map((file) => relative(root, file)).sort()).toEqual(
      expect.arrayContaining(['bytes.ts', 'checkpoint.ts', 'hash.ts', 'index.ts', 'jcs.ts', 'keys.ts', 'note.ts', 'proof.ts', 'tree.ts']),
    );
  });

  it('imports only relative paths inside the module and node: built-ins', () => {
    const offending: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      // A dynamic import or require with a computed name could not be checked: refuse those too.
      if (/\brequire\s*\(\s*[^'"`\s]/.test(source) || /\bimport\s*\(\s*[^'"`\s]/.test(source)) offending.push(`${relative(root, file)}: computed import`);
      for (const specifier of specifiers(source)) {
        const inside = (specifier.startsWith('./') || specifier.startsWith('../')) && !relative(root, resolve(dirname(file), specifier)).startsWith('..');
        if (!inside && !specifier.startsWith('node:')) offending.push(`${relative(root, file)}: ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('the specifier scan catches what it should', () => {
    const sample = `import { a } from '@concord/ledger';\nexport * from "../../other";\nimport 'reflect-metadata';\nconst x = require('fs');\nawait import('node:os');`;
    expect(specifiers(sample)).toEqual(['@concord/ledger', '../../other', 'reflect-metadata', 'fs', 'node:os']);
  });
});
