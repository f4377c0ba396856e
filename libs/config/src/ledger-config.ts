import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { STORE_KINDS, StoreSelection } from '@concord/event-store';

export interface LedgerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly store: StoreSelection;
  /** Raw `role=key` pairs; empty means "generate keys into the data directory on first start". */
  readonly apiKeys: string;
  readonly suspendedObjectionsBlock: boolean;
  /** Records the read side holds in aggregate timelines; the rest is read from the store when asked for. */
  readonly readCacheRecords: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The ledger's public base URL, without a trailing slash: CloudEvents' `source` and `dataschema` start with it. */
  readonly publicUrl: string;
  readonly integration: IntegrationSettings;
  readonly limits: RequestLimitSettings;
  /**
   * How long a client has to send a whole request, headers and body, from the request's first byte
   * (the headers within 60 s of it at most; a connection's first byte within this of its opening); a
   * slower one is answered 408 and cut off.
   */
  readonly requestTimeoutMs: number;
  /** Origins a browser page may call the API from; empty keeps CORS closed. `*` allows any origin. */
  readonly corsOrigins: readonly string[];
  /** Fastify's `trustProxy`: whose `X-Forwarded-For` names the client address that limits count by. */
  readonly trustProxy: false | number | string;
  readonly transparency: TransparencySettings;
  /** EventStoreDB: how long opening keeps trying while the server cannot be reached; 0 fails at once. */
  readonly esdbConnectRetryMs: number;
}

/** The transparency log over the ledger: who signs its checkpoints, and how often. */
export interface TransparencySettings {
  /** The first line of every checkpoint, naming this log; also the signing key's name. */
  readonly origin: string;
  /**
   * Whether `CONCORD_LOG_ORIGIN` gave the origin. When it did not, the origin derived from the
   * public URL names a new log only: a log already signed keeps the name its keys were published
   * under, which its auditors pinned (see the API's `openResources`).
   */
  readonly originGiven: boolean;
  /**
   * Why the origin derived from the public URL cannot name a log (a space or `+` in its path), when
   * it cannot: a start refuses it for a new log only, since a log already signed keeps its name.
   */
  readonly originProblem: string | undefined;
  /** A PKCS#8 PEM Ed25519 key; absent means "generated into the data directory on first start". */
  readonly signingKeyFile: string | undefined;
  readonly checkpointEvery: number;
  readonly checkpointIntervalMs: number;
}

/** How many requests one client may send; each is a token bucket refilled per minute, 0 turns it off. */
export interface RequestLimitSettings {
  readonly perKeyPerMinute: number;
  readonly perAddressPerMinute: number;
  /** Wrong keys from one address; once spent, that address's keyed requests are refused until it refills. */
  readonly authFailuresPerMinute: number;
}

/** How events leave the ledger: Server-Sent Events and webhook delivery. */
export interface IntegrationSettings {
  readonly sseHeartbeatMs: number;
  readonly sseBufferEvents: number;
  /** Live SSE events are gathered this long before one write per connection; 0 writes each at once. */
  readonly sseFlushMs: number;
  /** Event streams one key may hold open on one instance at once; 0 for no limit. */
  readonly sseStreamsPerKey: number;
  readonly webhookRetryBaseMs: number;
  readonly webhookMaxAttempts: number;
  readonly webhookAllowPrivate: boolean;
  /** How long a webhook's delivery lease lasts without renewal: another instance takes it over after. */
  readonly webhookLeaseMs: number;
  readonly webhookTimeoutMs: number;
}

/** A setting that cannot be used; the message names the variable so the operator can fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/**
 * The settings that are given: a variable set to nothing (or white space) is taken as unset, so
 * its default applies. Compose passes `${X:-}` through as an empty value, and an empty
 * `CONCORD_DATA_DIR` put the keys, the signing key and the ledger in the working directory, an
 * empty `PORT` on a random port.
 */
function givenSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const env = givenSettings(rawEnv);
  const dataDir = resolve(env.CONCORD_DATA_DIR ?? './data');
  const listenPort = port(env.PORT ?? '3000');
  const integration = integrationSettings(env);
  if (listenPort === 0 && env.CONCORD_PUBLIC_URL === undefined) {
    // The default public URL names the port; the one the system picks is known only once listening.
    throw new ConfigError('PORT 0 listens on a port the system picks, which the default public URL cannot name: set CONCORD_PUBLIC_URL too, or a PORT from 1');
  }
  const publicBase = publicUrl(env.CONCORD_PUBLIC_URL ?? `http://localhost:${listenPort}`);
  return {
    port: listenPort,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    store: storeSelection(env, dataDir),
    apiKeys: env.CONCORD_API_KEYS ?? '',
    suspendedObjectionsBlock: flag('CONCORD_SUSPENDED_OBJECTIONS_BLOCK', env.CONCORD_SUSPENDED_OBJECTIONS_BLOCK ?? 'false'),
    readCacheRecords: integer('CONCORD_READ_CACHE_RECORDS', env.CONCORD_READ_CACHE_RECORDS ?? '200000', 1000, 100_000_000),
    logLevel: oneOf('CONCORD_LOG_LEVEL', env.CONCORD_LOG_LEVEL ?? 'info', LOG_LEVELS),
    publicUrl: publicBase,
    integration,
    limits: {
      perKeyPerMinute: integer('CONCORD_RATE_LIMIT_KEY_PER_MINUTE', env.CONCORD_RATE_LIMIT_KEY_PER_MINUTE ?? '1200', 0, 10_000_000),
      perAddressPerMinute: integer('CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE', env.CONCORD_RATE_LIMIT_ADDRESS_PER_MINUTE ?? '3000', 0, 10_000_000),
      authFailuresPerMinute: integer('CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE', env.CONCORD_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE ?? '20', 0, 10_000_000),
    },
    requestTimeoutMs: 1000 * integer('CONCORD_REQUEST_TIMEOUT_S', env.CONCORD_REQUEST_TIMEOUT_S ?? '30', 1, 3600),
    corsOrigins: corsOrigins(env.CONCORD_CORS_ORIGINS ?? ''),
    trustProxy: trustProxy(env.CONCORD_TRUST_PROXY ?? 'false'),
    esdbConnectRetryMs: 1000 * integer('CONCORD_ESDB_CONNECT_RETRY_S', env.CONCORD_ESDB_CONNECT_RETRY_S ?? '60', 0, 3600),
    transparency: {
      ...logOrigin(env.CONCORD_LOG_ORIGIN, publicBase),
      originGiven: env.CONCORD_LOG_ORIGIN !== undefined,
      signingKeyFile: env.CONCORD_SIGNING_KEY_FILE ? resolve(env.CONCORD_SIGNING_KEY_FILE) : undefined,
      checkpointEvery: integer('CONCORD_CHECKPOINT_EVERY', env.CONCORD_CHECKPOINT_EVERY ?? '1000', 1, 100_000_000),
      checkpointIntervalMs: 1000 * integer('CONCORD_CHECKPOINT_INTERVAL_S', env.CONCORD_CHECKPOINT_INTERVAL_S ?? '60', 1, 86_400),
    },
  };
}

/**
 * A checkpoint's origin, which is also its signing key's name: printable, no spaces, no `+`
 * (the signed-note rules for key names). By default the public URL's host and path, e.g.
 * `localhost/concord-ledger`, so two ledgers' checkpoints cannot be mistaken for each other.
 */
const ORIGIN_PATTERN = /^[\x21-\x2a\x2c-\x7e]{1,200}$/;

function logOrigin(raw: string | undefined, publicUrlValue: string): { origin: string; originProblem: string | undefined } {
  if (raw === undefined || raw.trim() === '') {
    const url = new URL(publicUrlValue);
    const derived = `${url.hostname}${url.pathname.replace(/\/+$/, '')}/concord-ledger`;
    const originProblem = ORIGIN_PATTERN.test(derived)
      ? undefined
      : `CONCORD_PUBLIC_URL names a new log by default (${JSON.stringify(derived)}), and a log's name cannot hold spaces or +, nor pass 200 characters: set CONCORD_LOG_ORIGIN to a name such as ledger.example.org/kp`;
    return { origin: derived, originProblem };
  }
  const origin = raw.trim();
  if (!ORIGIN_PATTERN.test(origin)) {
    throw new ConfigError(
      `CONCORD_LOG_ORIGIN must be 1 to 200 printable ASCII characters without spaces or +, like ledger.example.org/kp, got ${JSON.stringify(raw)}`,
    );
  }
  return { origin, originProblem: undefined };
}

/** Each origin exactly as a browser sends it (`scheme://host[:port]`), or `*` for any. */
function corsOrigins(raw: string): string[] {
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        `CONCORD_CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin like https://desk.example.org (scheme, host and port only, no trailing slash), nor *`,
      );
    }
  }
  return origins;
}

/**
 * `false` (the default: the peer's address counts), a number of proxy hops, or the proxies'
 * addresses/CIDRs. Not `true`: trusting every `X-Forwarded-For` would let any client pick the
 * address its requests count against, and spend another's allowance.
 */
function trustProxy(raw: string): false | number | string {
  const value = raw.trim();
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return integer('CONCORD_TRUST_PROXY', value, 1, 100);
  const entries = value.split(',').map((entry) => entry.trim());
  if (value === 'true' || !entries.every(isAddressOrCidr)) {
    throw new ConfigError(
      `CONCORD_TRUST_PROXY must be false, a number of proxy hops, or the proxies' addresses or CIDRs, comma-separated (not true: every client could then choose its address), got ${JSON.stringify(raw)}`,
    );
  }
  return entries.join(',');
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * A delivery holds its webhook's lease; the holder renews it a third of the way through, so an
 * attempt that waits the whole timeout must still end before the lease does, or another instance
 * would take the webhook over mid-attempt and the two would keep undoing each other's work.
 */
function integrationSettings(env: NodeJS.ProcessEnv): IntegrationSettings {
  const settings: IntegrationSettings = {
    sseHeartbeatMs: 1000 * integer('CONCORD_SSE_HEARTBEAT_S', env.CONCORD_SSE_HEARTBEAT_S ?? '15', 1, 3600),
    sseBufferEvents: integer('CONCORD_SSE_BUFFER_EVENTS', env.CONCORD_SSE_BUFFER_EVENTS ?? '1000', 1, 1_000_000),
    sseFlushMs: integer('CONCORD_SSE_FLUSH_MS', env.CONCORD_SSE_FLUSH_MS ?? '10', 0, 1000),
    sseStreamsPerKey: integer('CONCORD_SSE_STREAMS_PER_KEY', env.CONCORD_SSE_STREAMS_PER_KEY ?? '100', 0, 1_000_000),
    webhookRetryBaseMs: integer('CONCORD_WEBHOOK_RETRY_BASE_MS', env.CONCORD_WEBHOOK_RETRY_BASE_MS ?? '1000', 1, 3_600_000),
    webhookMaxAttempts: integer('CONCORD_WEBHOOK_MAX_ATTEMPTS', env.CONCORD_WEBHOOK_MAX_ATTEMPTS ?? '20', 1, 1000),
    webhookAllowPrivate: flag('CONCORD_WEBHOOK_ALLOW_PRIVATE', env.CONCORD_WEBHOOK_ALLOW_PRIVATE ?? 'false'),
    webhookLeaseMs: 1000 * integer('CONCORD_WEBHOOK_LEASE_S', env.CONCORD_WEBHOOK_LEASE_S ?? '30', 2, 3600),
    webhookTimeoutMs: 1000 * integer('CONCORD_WEBHOOK_TIMEOUT_S', env.CONCORD_WEBHOOK_TIMEOUT_S ?? '10', 1, 300),
  };
  if (settings.webhookTimeoutMs * 2 > settings.webhookLeaseMs) {
    throw new ConfigError(
      `CONCORD_WEBHOOK_TIMEOUT_S (${settings.webhookTimeoutMs / 1000}) must be at most half of CONCORD_WEBHOOK_LEASE_S (${settings.webhookLeaseMs / 1000}), so that a delivery ends before its lease can run out`,
    );
  }
  return settings;
}

/** An absolute http(s) URL without credentials, query or fragment; a trailing slash is dropped. */
function publicUrl(value: string): string {
  // What is said of the value leaves out anything before an @: a start-up error goes to logs that more people read than the settings.
  const shown = JSON.stringify(value.replace(/^([^/]*\/\/)?[^/?#]*@/, (_match, scheme: string | undefined) => `${scheme ?? ''}…@`));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`CONCORD_PUBLIC_URL must be an absolute http or https URL, got ${shown}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`CONCORD_PUBLIC_URL must be an http or https URL without credentials, query or fragment, got ${shown}`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function integer(name: string, value: string, minimum: number, maximum: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < minimum || parsed > maximum) {
    throw new ConfigError(`${name} must be an integer from ${minimum} to ${maximum}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Which store the ledger runs on. The embedded SQLite file needs nothing; the others need a URL of
 * their own scheme, checked here so that a typo stops the start with the setting's name.
 */
function storeSelection(env: NodeJS.ProcessEnv, dataDir: string): StoreSelection {
  const kind = oneOf('CONCORD_STORE', env.CONCORD_STORE ?? 'sqlite', STORE_KINDS);
  const url = env.CONCORD_STORE_URL?.trim() ?? '';
  switch (kind) {
    case 'sqlite':
      // A server's URL here is a store forgotten in CONCORD_STORE: taken as a file name, it made a
      // SQLite file at a path spelt like the URL, and an import "succeeded" into it.
      if (/^file:/i.test(url)) throw new ConfigError(`CONCORD_STORE_URL for sqlite is the file's path, not a file: URL, got ${JSON.stringify(url)}`);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
        throw new ConfigError(
          `CONCORD_STORE_URL is a server's URL (${url.slice(0, url.indexOf(':'))}://…), but CONCORD_STORE is sqlite${env.CONCORD_STORE === undefined ? ' (the default)' : ''}: set CONCORD_STORE=postgres or eventstoredb for a server, or give CONCORD_STORE_URL the SQLite file's path`,
        );
      }
      // `:memory:` is SQLite's name for a database that lives in the process, not a file to resolve.
      return { kind, file: url === ':memory:' ? url : url ? resolve(url) : join(dataDir, 'ledger.sqlite') };
    case 'postgres': {
      requireUrl(kind, url, ['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/concord');
      const schema = env.CONCORD_STORE_SCHEMA ?? 'concord';
      if (!SCHEMA_NAME.test(schema) || schema.startsWith('pg_') || schema === 'information_schema') {
        throw new ConfigError(
          `CONCORD_STORE_SCHEMA must be a lowercase SQL identifier (letters, digits, _) that is not a PostgreSQL system schema (pg_*, information_schema), got ${JSON.stringify(schema)}`,
        );
      }
      const waits = {
        connectTimeoutMs: 1000 * integer('CONCORD_PG_CONNECT_TIMEOUT_S', env.CONCORD_PG_CONNECT_TIMEOUT_S ?? '5', 1, 300),
        queryTimeoutMs: 1000 * integer('CONCORD_PG_QUERY_TIMEOUT_S', env.CONCORD_PG_QUERY_TIMEOUT_S ?? '30', 1, 3600),
      };
      return { kind, url, schema, waits };
    }
    case 'eventstoredb':
      requireUrl(kind, url, ['esdb:', 'esdb+discover:'], 'esdb://localhost:2113?tls=false');
      // The client discovers a cluster from the first host of an esdb+discover URL only: the others
      // would be ignored without a word.
      if (/^esdb\+discover:\/\/[^/?#]*,/i.test(url)) {
        throw new ConfigError(
          'CONCORD_STORE_URL: esdb+discover:// takes one name to discover the cluster by (e.g. esdb+discover://cluster.internal:2113); to list the nodes, use esdb://node1:2113,node2:2113,node3:2113',
        );
      }
      return { kind, url };
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
}

function requireUrl(kind: string, url: string, schemes: readonly string[], example: string): void {
  if (!url) throw new ConfigError(`CONCORD_STORE_URL is required when CONCORD_STORE=${kind}, e.g. ${example}`);
  // Not `new URL`: a cluster's connection string names several hosts, which WHATWG URLs refuse.
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\/[^/?#\s]+/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) throw new ConfigError(`CONCORD_STORE_URL is not a URL (expected e.g. ${example})`);
  if (!schemes.includes(scheme)) {
    throw new ConfigError(`CONCORD_STORE_URL must start with ${schemes.map((s) => `${s}//`).join(' or ')} when CONCORD_STORE=${kind}, got ${scheme}//`);
  }
  // Each host's port, as the drivers read it (they failed with a stack trace naming no setting); never echoing credentials.
  // The credentials end at the last `@` before the path, as the drivers read them: a password may hold an `@`.
  const authority = (/^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '').replace(/^.*@/, '');
  for (const host of authority.split(',')) {
    const portText = /^(?:\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(host)?.[1];
    const number = Number(portText);
    if (portText !== undefined && portText !== '' && !(/^\d+$/.test(portText) && number >= 1 && number <= 65535)) {
      throw new ConfigError(`CONCORD_STORE_URL names the port ${JSON.stringify(portText)}: a port is a number from 1 to 65535 (expected e.g. ${example})`);
    }
  }
}

/** Written in decimal digits as every other whole-number setting: `1e3` or `0x3b` named another port than the one meant. */
function port(value: string): number {
  return integer('PORT', value, 0, 65535);
}

function flag(name: string, value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}
