import { resolve } from 'node:path';
import { describeStore } from '@concord/event-store';
import { ConfigError, loadConfig } from './ledger-config';

describe('loadConfig', () => {
  it('defaults to port 3000 and ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.suspendedObjectionsBlock).toBe(false);
  });

  it('derives the public URL from the port, and drops a trailing slash from one given', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ CONCORD_PUBLIC_URL: 'https://ledger.example.org/kp/' }).publicUrl).toBe('https://ledger.example.org/kp');
  });

  it('has the integration defaults the README states', () => {
    expect(loadConfig({}).integration).toEqual({
      sseHeartbeatMs: 15_000,
      sseBufferEvents: 1000,
      sseFlushMs: 10,
      sseStreamsPerKey: 100,
      webhookRetryBaseMs: 1000,
      webhookMaxAttempts: 20,
      webhookAllowPrivate: false,
      webhookLeaseMs: 30_000,
      webhookTimeoutMs: 10_000,
    });
  });

  it('limits requests and keeps CORS closed by default', () => {
    const config = loadConfig({});
    expect(config.limits).toEqual({ perKeyPerMinute: 1200, perAddressPerMinute: 3000, authFailuresPerMinute: 20 });
    expect(config.corsOrigins).toEqual([]);
    expect(config.trustProxy).toBe(false);
    expect(config.requestTimeoutMs).toBe(30_000);
  });

  it('reads how long a request may take to arrive, in whole seconds', () => {
    expect(loadConfig({ CONCORD_REQUEST_TIMEOUT_S: '5' }).requestTimeoutMs).toBe(5000);
    expect(() => loadConfig({ CONCORD_REQUEST_TIMEOUT_S: '0' })).toThrow(/CONCORD_REQUEST_TIMEOUT_S/);
    expect(() => loadConfig({ CONCORD_REQUEST_TIMEOUT_S: '1.5' })).toThrow(/CONCORD_REQUEST_TIMEOUT_S/);
  });

  it('reads the limits, origins and proxies it is given', () => {
    const config = loadConfig({
      CONCORD_RATE_LIMIT_KEY_PER_MINUTE: '0',
      CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE: '60',
      CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '5',
      CONCORD_CORS_ORIGINS: 'https://desk.example.org, http://localhost:5173',
      CONCORD_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1, fd00::/8',
    });
    expect(config.limits).toEqual({ perKeyPerMinute: 0, perAddressPerMinute: 60, authFailuresPerMinute: 5 });
    expect(config.corsOrigins).toEqual(['https://desk.example.org', 'http://localhost:5173']);
    expect(config.trustProxy).toBe('10.0.0.0/8,127.0.0.1,::1,fd00::/8');
    expect(loadConfig({ CONCORD_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('reads the settings it is given', () => {
    const config = loadConfig({ PORT: '8080', CONCORD_DATA_DIR: '/tmp/x', CONCORD_SUSPENDED_OBJECTIONS_BLOCK: 'true', CONCORD_LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 8080, dataDir: '/tmp/x', suspendedObjectionsBlock: true, logLevel: 'warn' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '1e3' }, /^PORT must be an integer from 0 to 65535, got "1e3"$/],
    [{ PORT: '0x3b' }, /^PORT must be an integer from 0 to 65535, got "0x3b"$/],
    [{ PORT: '15251.0' }, /^PORT must be an integer from 0 to 65535, got "15251.0"$/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '0' }, /PORT 0 listens on a port the system picks, which the default public URL cannot name/],
    [{ CONCORD_SUSPENDED_OBJECTIONS_BLOCK: 'maybe' }, /CONCORD_SUSPENDED_OBJECTIONS_BLOCK/],
    [{ CONCORD_LOG_LEVEL: 'loud' }, /CONCORD_LOG_LEVEL/],
    [{ CONCORD_PUBLIC_URL: 'ledger.example.org' }, /CONCORD_PUBLIC_URL/],
    [
      { CONCORD_PUBLIC_URL: 'https://user:pw@ledger.example.org' },
      /^CONCORD_PUBLIC_URL must be .* without credentials, query or fragment, got "https:\/\/…@ledger\.example\.org"$/,
    ],
    [{ CONCORD_PUBLIC_URL: 'user:pw@ledger.example.org' }, /^CONCORD_PUBLIC_URL must be .*, got "…@ledger\.example\.org"$/],
    [{ CONCORD_WEBHOOK_MAX_ATTEMPTS: '0' }, /CONCORD_WEBHOOK_MAX_ATTEMPTS/],
    [{ CONCORD_WEBHOOK_RETRY_BASE_MS: '1.5' }, /CONCORD_WEBHOOK_RETRY_BASE_MS/],
    [{ CONCORD_WEBHOOK_ALLOW_PRIVATE: 'yes' }, /CONCORD_WEBHOOK_ALLOW_PRIVATE/],
    [
      { CONCORD_WEBHOOK_LEASE_S: '2', CONCORD_WEBHOOK_TIMEOUT_S: '10' },
      /CONCORD_WEBHOOK_TIMEOUT_S \(10\) must be at most half of CONCORD_WEBHOOK_LEASE_S \(2\)/,
    ],
    [{ CONCORD_WEBHOOK_TIMEOUT_S: '16' }, /at most half of CONCORD_WEBHOOK_LEASE_S \(30\)/],
    [{ CONCORD_RATE_LIMIT_KEY_PER_MINUTE: '-1' }, /CONCORD_RATE_LIMIT_KEY_PER_MINUTE/],
    [{ CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 'many' }, /CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE/],
    [{ CONCORD_CORS_ORIGINS: 'https://desk.example.org/' }, /CONCORD_CORS_ORIGINS/],
    [{ CONCORD_CORS_ORIGINS: 'desk.example.org' }, /CONCORD_CORS_ORIGINS/],
    [{ CONCORD_TRUST_PROXY: 'yes please' }, /CONCORD_TRUST_PROXY/],
    [{ CONCORD_TRUST_PROXY: 'true' }, /not true/],
    [{ CONCORD_STORE: 'eventstoredb', CONCORD_STORE_URL: 'esdb+discover://n1:2113,n2:2113?tls=false' }, /esdb\+discover:\/\/ takes one name/],
    [{ CONCORD_TRUST_PROXY: 'cafe' }, /CONCORD_TRUST_PROXY/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://postgres:pw@127.0.0.1:99999/test' }, /CONCORD_STORE_URL names the port "99999"/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://postgres@db:54x2/test' }, /CONCORD_STORE_URL names the port "54x2"/],
    [{ CONCORD_TRUST_PROXY: '1.2.3' }, /CONCORD_TRUST_PROXY/],
    [{ CONCORD_TRUST_PROXY: '10.0.0.0/33' }, /CONCORD_TRUST_PROXY/],
  ])('refuses %j with an error naming the setting', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});

describe('a setting set to nothing', () => {
  it('is taken as unset, so its default applies, as Compose passes ${X:-} through', () => {
    const empty = loadConfig({
      CONCORD_DATA_DIR: '',
      PORT: '',
      HOST: ' ',
      CONCORD_LOG_LEVEL: '',
      CONCORD_CHECKPOINT_EVERY: '',
      CONCORD_STORE: '',
      CONCORD_STORE_URL: '',
    });
    const unset = loadConfig({});
    expect(empty).toEqual(unset);
    expect(empty.dataDir).toBe(resolve('./data'));
    expect(empty.port).toBe(3000);
    expect(empty.store).toEqual({ kind: 'sqlite', file: resolve('./data/ledger.sqlite') });
  });
});

describe('the store selection', () => {
  it('is the embedded SQLite file in the data directory by default', () => {
    expect(loadConfig({ CONCORD_DATA_DIR: '/srv/concord' }).store).toEqual({ kind: 'sqlite', file: '/srv/concord/ledger.sqlite' });
  });

  it("keeps SQLite's :memory: as the name of a database in the process, not a file", () => {
    expect(loadConfig({ CONCORD_STORE_URL: ':memory:' }).store).toEqual({ kind: 'sqlite', file: ':memory:' });
  });

  it('takes one name for EventStoreDB discovery, and several hosts listed with esdb://', () => {
    const discover = 'esdb+discover://cluster.internal:2113?tls=false';
    expect(loadConfig({ CONCORD_STORE: 'eventstoredb', CONCORD_STORE_URL: discover }).store).toEqual({ kind: 'eventstoredb', url: discover });
    const listed = 'esdb://n1:2113,n2:2113,n3:2113?tls=false';
    expect(loadConfig({ CONCORD_STORE: 'eventstoredb', CONCORD_STORE_URL: listed }).store).toEqual({ kind: 'eventstoredb', url: listed });
  });

  it('takes a PostgreSQL URL and schema', () => {
    const config = loadConfig({
      CONCORD_STORE: 'postgres',
      CONCORD_STORE_URL: 'postgres://postgres@127.0.0.1:5432/concord',
      CONCORD_STORE_SCHEMA: 'kp_ledger',
    });
    expect(config.store).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/concord',
      schema: 'kp_ledger',
      waits: { connectTimeoutMs: 5000, queryTimeoutMs: 30_000 },
    });
  });

  it('takes how long to wait for PostgreSQL to answer a query and to connect, in seconds', () => {
    const config = loadConfig({
      CONCORD_STORE: 'postgres',
      CONCORD_STORE_URL: 'postgres://h/db',
      CONCORD_PG_QUERY_TIMEOUT_S: '5',
      CONCORD_PG_CONNECT_TIMEOUT_S: '12',
    });
    expect(config.store).toMatchObject({ kind: 'postgres', waits: { connectTimeoutMs: 12_000, queryTimeoutMs: 5000 } });
  });

  it('takes an EventStoreDB URL', () => {
    expect(loadConfig({ CONCORD_STORE: 'eventstoredb', CONCORD_STORE_URL: 'esdb://localhost:2113?tls=false' }).store).toEqual({
      kind: 'eventstoredb',
      url: 'esdb://localhost:2113?tls=false',
    });
  });

  it.each([
    [{ CONCORD_STORE: 'mongodb' }, /CONCORD_STORE must be one of sqlite, postgres, eventstoredb/],
    [{ CONCORD_STORE: 'postgres' }, /CONCORD_STORE_URL is required when CONCORD_STORE=postgres/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'esdb://localhost:2113' }, /CONCORD_STORE_URL must start with postgres:\/\//],
    [
      { CONCORD_STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' },
      /CONCORD_STORE_URL is a server's URL \(postgres:\/\/…\), but CONCORD_STORE is sqlite \(the default\): set CONCORD_STORE=postgres/,
    ],
    [
      { CONCORD_STORE: 'sqlite', CONCORD_STORE_URL: 'esdb://localhost:2113' },
      /CONCORD_STORE_URL is a server's URL \(esdb:\/\/…\), but CONCORD_STORE is sqlite: set/,
    ],
    [{ CONCORD_STORE_URL: 'file:///srv/ledger.sqlite' }, /CONCORD_STORE_URL for sqlite is the file's path, not a file: URL/],
    [{ CONCORD_STORE: 'eventstoredb', CONCORD_STORE_URL: 'not a url' }, /CONCORD_STORE_URL is not a URL/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://h/db', CONCORD_STORE_SCHEMA: 'Robert"); DROP' }, /CONCORD_STORE_SCHEMA/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://h/db', CONCORD_STORE_SCHEMA: 'pg_catalog' }, /not a PostgreSQL system schema/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://h/db', CONCORD_STORE_SCHEMA: 'information_schema' }, /not a PostgreSQL system schema/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://h/db', CONCORD_PG_QUERY_TIMEOUT_S: '0' }, /CONCORD_PG_QUERY_TIMEOUT_S/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://h/db', CONCORD_PG_QUERY_TIMEOUT_S: '0.5' }, /CONCORD_PG_QUERY_TIMEOUT_S/],
    [{ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://h/db', CONCORD_PG_CONNECT_TIMEOUT_S: '0' }, /CONCORD_PG_CONNECT_TIMEOUT_S/],
    [
      { CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://h/db', CONCORD_PG_CONNECT_TIMEOUT_S: '301' },
      /CONCORD_PG_CONNECT_TIMEOUT_S must be an integer from 1 to 300/,
    ],
  ])('refuses %j with one line naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeats a password from the URL in its errors', () => {
    expect(() => loadConfig({ CONCORD_STORE: 'eventstoredb', CONCORD_STORE_URL: 'postgres://u:s3cret@h/db' })).toThrow(/^(?!.*s3cret)/);
    // A password holding an @ and a colon is the drivers' to read: no port is named out of it.
    const { store } = loadConfig({ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://alice:pa@ss:word@db.internal:5432/concord' });
    expect(describeStore(store)).toBe('postgres db.internal:5432/concord (schema concord)');
    expect(() => loadConfig({ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://alice:pa@ss:word@db.internal:54x2/concord' })).toThrow(
      /^CONCORD_STORE_URL names the port "54x2"/,
    );
  });
});

describe('describeStore', () => {
  it('names hosts and database but never the password', () => {
    const { store } = loadConfig({ CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://concord:s3cret@db.internal:5432/concord?sslmode=require' });
    expect(describeStore(store)).toBe('postgres db.internal:5432/concord (schema concord)');
  });

  it.each([
    ['postgres', 'postgres://postgres:abc@secretTail@127.0.0.1:5432/test', 'postgres 127.0.0.1:5432/test (schema concord)'],
    ['postgres', 'postgres://u:a@b@c@db:5432/x?sslmode=require', 'postgres db:5432/x (schema concord)'],
    ['eventstoredb', 'esdb://admin:chan@geit@127.0.0.1:2113?tls=false', 'eventstoredb 127.0.0.1:2113'],
  ] as const)('leaves out a password holding an @ whole: %s %s', (kind, url, described) => {
    const { store } = loadConfig({ CONCORD_STORE: kind, CONCORD_STORE_URL: url });
    expect(describeStore(store)).toBe(described);
  });

  it('names every host of a cluster', () => {
    const { store } = loadConfig({ CONCORD_STORE: 'eventstoredb', CONCORD_STORE_URL: 'esdb://n1:2113,n2:2113,n3:2113?tls=false' });
    expect(describeStore(store)).toBe('eventstoredb n1:2113,n2:2113,n3:2113');
  });
});

describe('the transparency log and store retry settings', () => {
  it('names the log after the public URL unless told, and signs every 1000 events or 60 s', () => {
    expect(loadConfig({}).transparency).toEqual({
      origin: 'localhost/concord-ledger',
      originGiven: false,
      originProblem: undefined,
      signingKeyFile: undefined,
      checkpointEvery: 1000,
      checkpointIntervalMs: 60_000,
    });
    expect(loadConfig({ CONCORD_PUBLIC_URL: 'https://ledger.example.org/kp/' }).transparency.origin).toBe('ledger.example.org/kp/concord-ledger');
    // Refused by a start for a new log only: a log already signed keeps its name (the API's logNameOf).
    expect(loadConfig({ CONCORD_PUBLIC_URL: 'https://ex.org/a+b/' }).transparency.originProblem).toMatch(
      /^CONCORD_PUBLIC_URL names a new log by default .* set CONCORD_LOG_ORIGIN/,
    );
    const custom = loadConfig({
      CONCORD_LOG_ORIGIN: 'kp.example/log',
      CONCORD_SIGNING_KEY_FILE: '/keys/cp.pem',
      CONCORD_CHECKPOINT_EVERY: '10',
      CONCORD_CHECKPOINT_INTERVAL_S: '5',
    });
    expect(custom.transparency).toEqual({
      origin: 'kp.example/log',
      originGiven: true,
      originProblem: undefined,
      signingKeyFile: '/keys/cp.pem',
      checkpointEvery: 10,
      checkpointIntervalMs: 5000,
    });
  });

  it.each([['a b'], ['a+b'], ['é'], ['x'.repeat(201)]])('refuses the origin %j, which cannot be a signing key name', (origin) => {
    expect(() => loadConfig({ CONCORD_LOG_ORIGIN: origin })).toThrow(/CONCORD_LOG_ORIGIN/);
  });

  it('refuses checkpoint intervals that are not whole positive numbers', () => {
    expect(() => loadConfig({ CONCORD_CHECKPOINT_EVERY: '0' })).toThrow(/CONCORD_CHECKPOINT_EVERY/);
    expect(() => loadConfig({ CONCORD_CHECKPOINT_INTERVAL_S: '1.5' })).toThrow(/CONCORD_CHECKPOINT_INTERVAL_S/);
  });

  it('keeps trying to reach EventStoreDB for 60 s by default, 0 to give up at once', () => {
    expect(loadConfig({}).esdbConnectRetryMs).toBe(60_000);
    expect(loadConfig({ CONCORD_ESDB_CONNECT_RETRY_S: '0' }).esdbConnectRetryMs).toBe(0);
    expect(() => loadConfig({ CONCORD_ESDB_CONNECT_RETRY_S: '-1' })).toThrow(/CONCORD_ESDB_CONNECT_RETRY_S/);
  });
});
