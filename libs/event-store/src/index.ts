// The contract suite is deliberately not exported: it registers Jest tests. Spec files import it
// from '@concord/event-store/contract/event-store.contract' (or projection-store.contract).
export * from './event-store.port';
export * from './event-store.errors';
export { fromRevisionOf } from './shared/read-stream-options';
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { SqliteConnectionSettings } from './sqlite/sqlite-connection';
export * from './store-selection';
export { PostgresEventStore } from './postgres/postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres/postgres-options';
export * from './open-store';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export type { EventStoreDbConnectionOptions, EventStoreDbEventStoreOptions } from './eventstoredb/eventstoredb-event-store';
export type { ResubscribeOptions } from './eventstoredb/log-subscription';
export type { EsdbClient } from './eventstoredb/esdb-client.port';
export { LedgerIntegrityError } from './eventstoredb/ledger-integrity-error';
export * from './projection-store.port';
export { InMemoryProjectionStore } from './in-memory/in-memory-projection-store';
export { SqliteProjectionStore } from './sqlite/sqlite-projection-store';
export type { SqliteProjectionStoreOptions } from './sqlite/sqlite-projection-store';
export { PostgresProjectionStore } from './postgres/postgres-projection-store';
export type { PostgresProjectionStoreOptions } from './postgres/postgres-projection-store';
export * from './open-projection-store';
export { openSideTablePool } from './postgres/postgres-side-table';
export type { SideTablePool } from './postgres/postgres-side-table';
export { isStoreUnavailable } from './store-unavailable';
export { openSqliteDatabase } from './sqlite/sqlite-connection';
