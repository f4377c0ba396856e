import { spawnSync } from 'node:child_process';

export type ProbeResult = { readonly reachable: true } | { readonly reachable: false; readonly reason: string };

/**
 * Connects and runs `SELECT 1` in a child process, synchronously: Jest collects tests
 * synchronously, so whether to define the PostgreSQL tests must be known before any await. The
 * child prints only pg's error message, which never holds the password.
 */
const PROBE = `
  const { Client } = require(process.env.PG_MODULE_PATH);
  const client = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  client.connect()
    .then(() => client.query('SELECT 1'))
    .then(() => client.end())
    .then(() => process.exit(0), (error) => {
      process.stderr.write(String(error && (error.message || error.code)) || 'unknown error');
      process.exit(1);
    });
`;

export function probePostgres(connectionString: string): ProbeResult {
  const result = spawnSync(process.execPath, ['-e', PROBE], {
    env: { ...process.env, PG_MODULE_PATH: require.resolve('pg'), PROBE_URL: connectionString },
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.status === 0) return { reachable: true };
  const reason = result.error?.message ?? (result.stderr.trim() || `probe exited with ${String(result.status ?? result.signal)}`);
  return { reachable: false, reason };
}
