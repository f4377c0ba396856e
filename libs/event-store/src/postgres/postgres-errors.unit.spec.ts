import { StoreUnavailableError } from '../event-store.errors';
import { isQueryTimeout, isUniqueViolationOf, toStoreError } from './postgres-errors';

const TARGET = 'db.example:5432/ledger (schema concord)';

/** An error shaped as pg reports it: a message and, for most, a code. */
function pgError(message: string, fields: { code?: string; constraint?: string; errors?: unknown[] } = {}): Error {
  return Object.assign(new Error(message), fields);
}

describe('PostgreSQL error mapping', () => {
  it.each([
    ['refused connection', pgError('connect ECONNREFUSED 10.0.0.1:5432', { code: 'ECONNREFUSED' })],
    ['unknown host', pgError('getaddrinfo ENOTFOUND db.example', { code: 'ENOTFOUND' })],
    ['terminated by an administrator', pgError('terminating connection due to administrator command', { code: '57P01' })],
    ['server starting up', pgError('the database system is starting up', { code: '57P03' })],
    ['connection exception class 08', pgError('connection failure', { code: '08006' })],
    ['too many connections', pgError('sorry, too many clients already', { code: '53300' })],
    ['disk full (class 53)', pgError('could not extend file: No space left on device', { code: '53100' })],
    ['not accepting connections (55000)', pgError('the database system is not currently accepting connections', { code: '55000' })],
    ['shutting down (57P02 crash shutdown)', pgError('terminating connection because of crash of another server process', { code: '57P02' })],
    ['a statement cancelled by a timeout', pgError('canceling statement due to statement timeout', { code: '57014' })],
    ['a read-only standby', pgError('cannot execute INSERT in a read-only transaction', { code: '25006' })],
    ['lock timeout', pgError('canceling statement due to lock timeout', { code: '55P03' })],
    ['missing database', pgError('database "ledger" does not exist', { code: '3D000' })],
    ['failed authentication', pgError('password authentication failed for user "ledger"', { code: '28P01' })],
    ['rights revoked from the ledger', pgError('permission denied for schema concord', { code: '42501' })],
    ['its schema dropped or renamed', pgError('relation "events" does not exist', { code: '42P01' })],
    ['its schema gone from the search path', pgError('no schema has been selected to create in', { code: '3F000' })],
    ['connection lost without a code', pgError('Connection terminated unexpectedly')],
    ['pool connect timeout', pgError('timeout exceeded when trying to connect')],
  ])('wraps a %s in StoreUnavailableError naming the target', (_, error) => {
    const mapped = toStoreError(error, TARGET);

    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as Error).message).toContain(`PostgreSQL event store at ${TARGET} is unavailable: ${error.message}`);
    expect((mapped as Error).cause).toBe(error);
  });

  it('wraps a query the server never answered (pg gave up at its query timeout), saying so in words', () => {
    const error = pgError('Query read timeout');
    const mapped = toStoreError(error, TARGET);

    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as Error).message).toBe(
      `PostgreSQL event store at ${TARGET} is unavailable: no answer to a query within the query timeout (the server or the network to it stopped answering)`,
    );
    expect(isQueryTimeout(error)).toBe(true);
    expect(isQueryTimeout(pgError('Query read timeout', { code: '42601' }))).toBe(false);
  });

  it('spells out the inner errors of an AggregateError, whose own message is empty', () => {
    const error = pgError('', { code: 'ECONNREFUSED', errors: [pgError('connect ECONNREFUSED ::1:5432'), pgError('connect ECONNREFUSED 127.0.0.1:5432')] });

    expect((toStoreError(error, TARGET) as Error).message).toBe(
      `PostgreSQL event store at ${TARGET} is unavailable: connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432`,
    );
  });

  it.each([
    ['syntax error', pgError('syntax error at or near "SELEC"', { code: '42601' })],
    ['unique violation', pgError('duplicate key value', { code: '23505', constraint: 'events_event_id_unique' })],
    ['plain TypeError', new TypeError('bad input')],
    ['non-error value', 'a string'],
  ])('returns a %s as is', (_, error) => {
    expect(toStoreError(error, TARGET)).toBe(error);
  });

  it('tells unique violations apart by constraint name', () => {
    const error = pgError('duplicate key value', { code: '23505', constraint: 'events_stream_revision_unique' });

    expect(isUniqueViolationOf(error, 'events_stream_revision_unique')).toBe(true);
    expect(isUniqueViolationOf(error, 'events_event_id_unique')).toBe(false);
    expect(isUniqueViolationOf(pgError('other', { code: '23503', constraint: 'events_stream_revision_unique' }), 'events_stream_revision_unique')).toBe(false);
  });
});
