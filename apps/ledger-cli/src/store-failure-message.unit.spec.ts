import { StoreUnavailableError, UnreadableEventError } from '@concord/event-store';
import { storeFailureMessage } from './store-failure-message';

describe('storeFailureMessage', () => {
  it('says in one line that the store cannot be used, with its reason', () => {
    const corrupt = new StoreUnavailableError('SQLite event store at /data/ledger.sqlite is unavailable: database disk image is malformed (SQLITE_CORRUPT)');
    const message = storeFailureMessage(corrupt) ?? '';
    expect(message).toMatch(
      /^the store cannot be used now: SQLite event store at \/data\/ledger\.sqlite is unavailable: database disk image is malformed \(SQLITE_CORRUPT\)\. /,
    );
    expect(message).not.toContain('\n');
    expect(message).not.toContain('    at ');
  });

  it('gives an unreadable event as the ledger words it', () => {
    const unreadable = new UnreadableEventError(87, 'Bogus v1 is not valid');
    expect(storeFailureMessage(unreadable)).toBe(unreadable.message);
  });

  it('says in one line that a table every ledger has is missing, on SQLite and on PostgreSQL', () => {
    const sqlite = Object.assign(new Error('no such table: log_tree'), { code: 'SQLITE_ERROR' });
    expect(storeFailureMessage(sqlite)).toMatch(/^the store has no table log_tree, which every ledger has: .* restore it from a backup$/);
    const postgres = Object.assign(new Error('relation "ledger.log_tree_nodes" does not exist'), { code: '42P01' });
    expect(storeFailureMessage(postgres)).toMatch(/^the store has no table ledger\.log_tree_nodes, which every ledger has/);
  });

  it('leaves other errors to be reported as faults', () => {
    expect(storeFailureMessage(new TypeError('x is undefined'))).toBeUndefined();
  });
});
