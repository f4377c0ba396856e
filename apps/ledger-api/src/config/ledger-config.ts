import { resolve } from 'node:path';

export interface LedgerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
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
  return {
    port: port(env.PORT ?? '3000'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.CONCORD_DATA_DIR ?? './data'),
    apiKeys: env.CONCORD_API_KEYS ?? '',
    suspendedObjectionsBlock: flag('CONCORD_SUSPENDED_OBJECTIONS_BLOCK', env.CONCORD_SUSPENDED_OBJECTIONS_BLOCK ?? 'false'),
    logLevel: oneOf('CONCORD_LOG_LEVEL', env.CONCORD_LOG_LEVEL ?? 'info', LOG_LEVELS),
  };
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
