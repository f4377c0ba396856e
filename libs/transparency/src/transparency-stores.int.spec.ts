import { SideTablePlaces, TEST_PG_URL } from '@concord/event-store/testing/side-table-places';
import { InMemoryTransparencyStore } from './in-memory-transparency-store';
import { PostgresTransparencyStore } from './postgres-transparency-store';
import { SqliteTransparencyStore } from './sqlite-transparency-store';
import { transparencyStoreContract } from './testing/transparency-store.contract';

const places = new SideTablePlaces('transparency');
afterAll(() => places.removeAll());

transparencyStoreContract('in-memory', async () => new InMemoryTransparencyStore());

transparencyStoreContract('SQLite', async () => SqliteTransparencyStore.open(places.sqliteFile()));

transparencyStoreContract('PostgreSQL', async () => PostgresTransparencyStore.open(TEST_PG_URL, await places.postgresSchema()));
