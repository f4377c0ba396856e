import { StoreUnavailableError } from '../event-store.errors';
import { isStreamNotFound, isTransient, isWrongExpectedVersion, toStoreError } from './esdb-errors';
import { FakeStreamNotFoundError, FakeUnavailableError, FakeWrongExpectedVersionError } from './testing/fake-esdb-errors';

/** A client error as the package builds it: a plain Error with `type` and/or `code`. */
function clientError(fields: { type?: string; code?: number | string }, message = 'failed'): Error {
  return Object.assign(new Error(message), fields);
}

describe('mapping EventStoreDB client errors', () => {
  it.each([
    ['unavailable, gRPC 14 (UnavailableError)', clientError({ type: 'unavailable', code: 14 })],
    ['gRPC 14 without a type (a raw ServiceError, as appends raise it)', clientError({ code: 14 })],
    ['deadline exceeded, gRPC 4', clientError({ type: 'deadline-exceeded', code: 4 })],
    ['not leader (the cluster elected another node)', clientError({ type: 'not-leader' })],
    ['a refused socket', clientError({ code: 'ECONNREFUSED' })],
    ['no cluster node found', new Error('Failed to discover after 10 attempts.')],
    [
      'no leader elected yet (gRPC UNKNOWN from a node that knows no leader)',
      clientError({ type: 'unknown', code: 2 }, '2 UNKNOWN: No leader info available in response'),
    ],
  ])('maps %s to StoreUnavailableError, keeping it as the cause', (_, error) => {
    const mapped = toStoreError(error, 'appending to s');

    expect(isTransient(error)).toBe(true);
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as Error).cause).toBe(error);
    expect((mapped as Error).message).toContain('appending to s');
  });

  it.each([
    ['wrong expected version', new FakeWrongExpectedVersionError('s', 0n, 'no_stream')],
    ['access denied', clientError({ type: 'access-denied' })],
    ['any other gRPC UNKNOWN', clientError({ type: 'unknown', code: 2 }, '2 UNKNOWN: Unexpected OperationResult: InvalidTransaction')],
    ['a programming error', new TypeError('bug')],
    ['a thrown string', 'oops'],
  ])('passes on %s unchanged', (_, error) => {
    expect(isTransient(error)).toBe(false);
    expect(toStoreError(error, 'appending')).toBe(error);
  });

  it('does not wrap a StoreUnavailableError twice', () => {
    const error = new StoreUnavailableError('closed');

    expect(toStoreError(error, 'reading')).toBe(error);
  });

  it('recognises errors by shape, whichever class made them', () => {
    expect(isWrongExpectedVersion(new FakeWrongExpectedVersionError('s', 1n, 3n))).toBe(true);
    expect(isWrongExpectedVersion(clientError({ type: 'wrong-expected-version' }))).toBe(true);
    expect(isStreamNotFound(new FakeStreamNotFoundError('s'))).toBe(true);
    expect(isStreamNotFound(new FakeUnavailableError())).toBe(false);
    expect(isWrongExpectedVersion(undefined)).toBe(false);
  });
});
