import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The domain's source: everything but tests, test fixtures and the schema tooling's own tests. */
function domainSources(dir: string = __dirname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : domainSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Packages the domain may import: JSON Schema validation, which is computation, not I/O. */
const ALLOWED_PACKAGES = new Set(['ajv', 'ajv-formats']);

describe('the governance domain', () => {
  const sources = domainSources().map((path) => ({ path: relative(__dirname, path), text: readFileSync(path, 'utf8') }));

  it('imports only its own files and the allowed packages: no Nest, no Node I/O', () => {
    const foreign = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/from '([^']+)'/g)]
        .map((match) => match[1] as string)
        .filter((module) => !module.startsWith('.') && !ALLOWED_PACKAGES.has(module))
        .map((module) => `${path} imports ${module}`),
    );
    expect(sources.length).toBeGreaterThan(20);
    expect(foreign).toEqual([]);
  });

  it('reads no clock and draws no random numbers: time and ids arrive with the command', () => {
    const impure = sources.flatMap(({ path, text }) =>
      [/new Date\(\)/, /Date\.now\(/, /Math\.random\(/, /randomUUID|randomBytes/, /process\./]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${path} uses ${pattern.source}`),
    );
    expect(impure).toEqual([]);
  });
});
