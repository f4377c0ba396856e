import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';
import { detectDockerEngine } from '../../eventstoredb/testing/docker-engine';
import { describePostgresTarget } from '../postgres-options';
import { probePostgres } from './postgres-probe';

const CONFIGURED_URL = process.env['CONCORD_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONTAINER_PASSWORD = 'concord-tests';

export type PostgresForTests =
  | { readonly mode: 'configured'; url(): string; start(): Promise<void>; stop(): Promise<void> }
  | { readonly mode: 'container'; url(): string; start(): Promise<void>; stop(): Promise<void> }
  | { readonly mode: 'unavailable'; readonly reason: string };

/**
 * The PostgreSQL the integration tests use, decided synchronously (Jest collects tests before any
 * await): the one at CONCORD_TEST_PG_URL (default: the local server) when it answers; otherwise a
 * throw-away `postgres:16` container started by testcontainers where a Docker engine runs;
 * otherwise none, and the caller skips visibly.
 */
export function postgresForTests(): PostgresForTests {
  const probe = probePostgres(CONFIGURED_URL);
  if (probe.reachable) {
    return { mode: 'configured', url: () => CONFIGURED_URL, start: async () => undefined, stop: async () => undefined };
  }
  const docker = detectDockerEngine();
  if (!docker.available) {
    return {
      mode: 'unavailable',
      reason: `no PostgreSQL at ${describePostgresTarget(CONFIGURED_URL)} (${probe.reason}) and no Docker engine (${docker.reason})`,
    };
  }
  let container: StartedTestContainer | undefined;
  return {
    mode: 'container',
    url: () => {
      if (!container) throw new Error('the PostgreSQL container has not been started (call start() in beforeAll)');
      return `postgres://postgres:${CONTAINER_PASSWORD}@${container.getHost()}:${container.getMappedPort(5432)}/test`;
    },
    start: async () => {
      container = await new GenericContainer('postgres:16')
        .withEnvironment({ POSTGRES_PASSWORD: CONTAINER_PASSWORD, POSTGRES_DB: 'test' })
        .withExposedPorts(5432)
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
        .withStartupTimeout(120_000)
        .start();
    },
    stop: async () => {
      await container?.stop();
    },
  };
}
