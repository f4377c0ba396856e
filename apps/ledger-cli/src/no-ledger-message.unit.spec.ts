import { noLedgerMessage } from './no-ledger-message';

describe('noLedgerMessage', () => {
  it('names the schema setting on PostgreSQL, where a mistyped schema is what finds no ledger, and not the data directory', () => {
    const message = noLedgerMessage({ kind: 'postgres', url: 'postgres://postgres:secret@127.0.0.1:5432/test', schema: 'fx2_nosuch' }, '/srv/concord');
    expect(message).toBe(
      "there is no ledger at postgres 127.0.0.1:5432/test (schema fx2_nosuch); set CONCORD_STORE_SCHEMA (and CONCORD_STORE_URL) to the API's",
    );
  });

  it('names the data directory for the SQLite file kept there, and CONCORD_STORE_URL for one named by it', () => {
    expect(noLedgerMessage({ kind: 'sqlite', file: '/srv/concord/ledger.sqlite' }, '/srv/concord')).toBe(
      "there is no ledger at /srv/concord/ledger.sqlite; set CONCORD_DATA_DIR to the API's (or CONCORD_STORE_URL to its SQLite file, or CONCORD_STORE to the kind of store it runs on)",
    );
    expect(noLedgerMessage({ kind: 'sqlite', file: '/srv/ledgr.sqlite' }, '/srv/concord', ' to back up')).toBe(
      "there is no ledger at /srv/ledgr.sqlite to back up; set CONCORD_STORE_URL to the API's SQLite file (or CONCORD_STORE to the kind of store it runs on)",
    );
  });

  it('names the URL on EventStoreDB, the one setting that says where its ledger is', () => {
    expect(noLedgerMessage({ kind: 'eventstoredb', url: 'esdb://admin:changeit@localhost:2113?tls=false' }, '/srv/concord')).toBe(
      "there is no ledger at eventstoredb localhost:2113; set CONCORD_STORE_URL to the API's",
    );
  });
});
