import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..');

/** Folders of what is installed, built or run, not written. */
const NOT_WRITTEN = new Set(['node_modules', '.git', 'dist', 'dist-bench', 'data', 'coverage']);

/** The Markdown files the repository holds, as paths from its root. */
function markdownFiles(folder = ROOT): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return NOT_WRITTEN.has(entry.name) ? [] : markdownFiles(join(folder, entry.name));
    return entry.name.endsWith('.md') ? [relative(ROOT, join(folder, entry.name))] : [];
  });
}

/** The targets of a file's Markdown links and images that point into the repository (not a web address, not an anchor alone). */
function localTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] as string)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURIComponent(target.split('#')[0] as string));
}

describe("the repository's documents", () => {
  it('link only to files the repository holds', () => {
    const files = markdownFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/read-side.md']));
    const broken = files.flatMap((file) =>
      localTargets(readFileSync(join(ROOT, file), 'utf8'))
        .filter((target) => !existsSync(join(ROOT, dirname(file), target)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
