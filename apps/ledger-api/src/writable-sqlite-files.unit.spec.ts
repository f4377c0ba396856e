import { unwritableSqliteFile } from './writable-sqlite-files';

const refusing =
  (...unwritable: string[]) =>
  (path: string): void => {
    if (unwritable.includes(path)) throw Object.assign(new Error(`EACCES: permission denied, access '${path}'`), { code: 'EACCES' });
  };

describe('the SQLite files a start must be able to write', () => {
  const file = '/data/ledger.sqlite';
  const all = () => true;

  it('names the first file of the store this process cannot write, the journal beside the database included', () => {
    expect(unwritableSqliteFile(file, refusing(file), all)).toEqual({ path: file, reason: 'EACCES' });
    expect(unwritableSqliteFile(file, refusing(`${file}-wal`, `${file}-shm`), all)).toEqual({ path: `${file}-wal`, reason: 'EACCES' });
    expect(unwritableSqliteFile(file, refusing(), all)).toBeUndefined();
  });

  it('looks only at the files that exist: a new ledger has none yet', () => {
    expect(unwritableSqliteFile(file, refusing(file, `${file}-wal`), (path) => path === `${file}-shm`)).toBeUndefined();
  });
});
