import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory } from './make-directory';

describe('makeDirectory', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'make-directory-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a directory and its missing parents, and accepts one that exists', () => {
    const deep = join(root, 'a', 'b', 'c');
    makeDirectory(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(() => makeDirectory(deep)).not.toThrow();
    expect(() => makeDirectory(`${root}/a/../a/b`)).not.toThrow();
  });

  it('fails at once where a parent is a file, or the directory itself is one', () => {
    writeFileSync(join(root, 'file'), '');
    expect(() => makeDirectory(join(root, 'file', 'data'))).toThrow(/ENOTDIR/);
    expect(() => makeDirectory(join(root, 'file'))).toThrow(/EEXIST/);
  });

  it('fails where a link that leads nowhere stands in the way, as a recursive mkdir does', () => {
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    expect(() => makeDirectory(join(root, 'dangling'))).toThrow(/EEXIST/);
  });

  it('fails at once under /proc, where a recursive mkdir never returns', () => {
    expect(() => makeDirectory('/proc/concord-ledger-test/data')).toThrow(/ENOENT|EACCES|EPERM/);
  });
});
