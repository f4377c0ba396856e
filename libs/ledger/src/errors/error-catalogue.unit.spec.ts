import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMAIN_ERROR_CODES } from '@concord/governance';
import { ERROR_CATALOGUE, renderErrorCatalogue } from './error-catalogue';

const ROOT = resolve(__dirname, '../../../..');
const DOCS = join(ROOT, 'docs/errors.md');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every code the source raises: `refuse('…'`, `new DomainError('…'`, `new ApiProblem('…'`. */
function codesRaisedInSource(): Map<string, string> {
  const raised = new Map<string, string>();
  const pattern = /(?:refuse|new DomainError|new ApiProblem)\(\s*'([a-z-]+)'/g;
  for (const file of [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) raised.set(match[1] as string, file);
  }
  return raised;
}

describe('the error catalogue', () => {
  it('documents every code the source raises', () => {
    const raised = codesRaisedInSource();
    expect(raised.size).toBeGreaterThan(20);
    const undocumented = [...raised].filter(([code]) => !(code in ERROR_CATALOGUE)).map(([code, file]) => `${code} (${file})`);
    expect(undocumented).toEqual([]);
  });

  it('holds every domain code', () => {
    expect(DOMAIN_ERROR_CODES.filter((code) => !(code in ERROR_CATALOGUE))).toEqual([]);
  });

  it('answers domain refusals with 404, 409 or 422 only', () => {
    for (const code of DOMAIN_ERROR_CODES) expect([404, 409, 422]).toContain(ERROR_CATALOGUE[code].status);
  });

  it('is what docs/errors.md says, code for code (UPDATE_DOCS=1 rewrites the file)', () => {
    const rendered = renderErrorCatalogue();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOCS, rendered);
    expect(readFileSync(DOCS, 'utf8')).toBe(rendered);
    for (const code of Object.keys(ERROR_CATALOGUE)) expect(rendered).toContain(`| \`${code}\` |`);
  });
});
