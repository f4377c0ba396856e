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
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** A setting that cannot be used; the message names the variable so the operator can fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const dataDir = resolve(env.CONCORD_DATA_DIR ?? './data');
  return {
    port: port(env.PORT ?? '3000'),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    store: storeSelection(env, dataDir),
    apiKeys: env.CONCORD_API_KEYS ?? '',
    suspendedObjectionsBlock: flag('CONCORD_SUSPENDED_OBJECTIONS_BLOCK', env.CONCORD_SUSPENDED_OBJECTIONS_BLOCK ?? 'false'),
    logLevel: oneOf('CONCORD_LOG_LEVEL', env.CONCORD_LOG_LEVEL ?? 'info', LOG_LEVELS),
  };
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
      return { kind, file: url ? resolve(url) : join(dataDir, 'ledger.sqlite') };
    case 'postgres': {
      requireUrl(kind, url, ['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/concord');
      const schema = env.CONCORD_STORE_SCHEMA ?? 'concord';
      if (!SCHEMA_NAME.test(schema) || schema.startsWith('pg_') || schema === 'information_schema') {
        throw new ConfigError(`CONCORD_STORE_SCHEMA must be a lowercase SQL identifier (letters, digits, _) that is not a PostgreSQL system schema (pg_*, information_schema), got ${JSON.stringify(schema)}`);
      }
      return { kind, url, schema };
    }
    case 'eventstoredb':
      requireUrl(kind, url, ['esdb:', 'esdb+discover:'], 'esdb://localhost:2113?tls=false');
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
}

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(value)}`);
  }
  return parsed;
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
