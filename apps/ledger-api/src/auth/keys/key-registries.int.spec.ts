import { SideTablePlaces, TEST_PG_URL } from '@concord/event-store/testing/side-table-places';
import { keyRegistryContract } from './key-registry.contract';
import { InMemoryKeyRegistry } from './in-memory-key-registry';
import { PostgresKeyRegistry } from './postgres-key-registry';
import { SqliteKeyRegistry } from './sqlite-key-registry';

const places = new SideTablePlaces('keys');
afterAll(() => places.removeAll());

keyRegistryContract('in-memory', async () => new InMemoryKeyRegistry());

keyRegistryContract('SQLite', async () => SqliteKeyRegistry.open(places.sqliteFile()));

keyRegistryContract('PostgreSQL', async () => PostgresKeyRegistry.open(TEST_PG_URL, await places.postgresSchema()));
