import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@concord/config';

/**
 * No Docker engine runs here, so the compose file is checked as data: the services, profiles,
 * ports, settings and health checks that the README promises, and settings the ledger accepts.
 */
interface Service {
  readonly image?: string;
  readonly build?: string;
  readonly profiles?: string[];
  readonly environment?: Record<string, string>;
  readonly ports?: string[];
  readonly volumes?: string[];
  readonly healthcheck?: { test: string[] };
  readonly depends_on?: Record<string, { condition: string }>;
}

const ROOT = join(__dirname, '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const envExample = Object.fromEntries(
  readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/** Compose's own interpolation, for the forms the file uses: ${VAR}, ${VAR:-default}, ${VAR:?error}. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, fallback?: string) => {
    const given = env[name];
    if (given !== undefined && given !== '') return given;
    if (kind === '-') return fallback ?? '';
    throw new Error(`${name} must be set: ${fallback ?? ''}`);
  });
}

const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

describe('docker-compose.yml', () => {
  it.each([
    ['ledger-api', undefined, 'eventstoredb', '3000', 'esdb://eventstoredb:2113?tls=false'],
    ['ledger-api-cluster', 'cluster', 'eventstoredb', '3002', 'esdb://esdb-node1:2113,esdb-node2:2113,esdb-node3:2113?tls=false'],
    ['ledger-api-postgres', 'postgres', 'postgres', '3001', 'postgres://concord:${POSTGRES_PASSWORD'],
  ])('runs %s (profile %s) on %s, on host port %s, with the connection string the README gives', (name, profile, store, hostPort, url) => {
    const api = service(name);
    expect(api.profiles?.[0]).toBe(profile);
    expect(api.build).toBe('.');
    expect(api.environment?.CONCORD_STORE).toBe(store);
    expect(api.environment?.CONCORD_STORE_URL?.startsWith(url)).toBe(true);
    expect(readme).toContain(url.replace('${POSTGRES_PASSWORD', ''));
    expect(interpolate(api.ports?.[0] ?? '', {})).toBe(`${hostPort}:3000`);
    expect(api.volumes?.[0]).toMatch(/^[a-z-]+:\/app\/data$/);
    for (const dependency of Object.values(api.depends_on ?? {})) expect(dependency.condition).toBe('service_healthy');
  });

  it('gives the cluster three EventStoreDB nodes that gossip with each other', () => {
    for (const node of ['esdb-node1', 'esdb-node2', 'esdb-node3']) {
      const { environment, profiles, image } = service(node);
      expect(profiles).toEqual(['cluster']);
      expect(image).toBe('eventstore/eventstore:24.10');
      expect(environment?.EVENTSTORE_CLUSTER_SIZE).toBe('3');
      expect(environment?.EVENTSTORE_GOSSIP_SEED?.split(',').sort()).toEqual(
        ['esdb-node1', 'esdb-node2', 'esdb-node3'].filter((n) => n !== node).map((n) => `${n}:2113`),
      );
    }
    expect(Object.keys(service('ledger-api-cluster').depends_on ?? {}).sort()).toEqual(['esdb-node1', 'esdb-node2', 'esdb-node3']);
  });

  it('health-checks every service', () => {
    for (const [name, { healthcheck }] of Object.entries(compose.services)) {
      expect({ name, test: healthcheck?.test?.length ?? 0 }).toEqual({ name, test: expect.any(Number) });
      expect(healthcheck?.test?.length).toBeGreaterThan(1);
    }
  });

  it('keeps data in named volumes, every one declared', () => {
    const used = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(':')[0] as string);
    expect(used.length).toBeGreaterThan(0);
    for (const volume of used) expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('commits no secret: passwords and keys are interpolated, and every required variable is in .env.example', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const { environment } of Object.values(compose.services)) {
      for (const [name, value] of Object.entries(environment ?? {})) {
        if (/PASSWORD|KEYS?$/.test(name)) expect(value).toMatch(/^\$\{/);
      }
    }
    for (const [, name] of text.matchAll(/\$\{([A-Z_]+)(?::\?|\})/g)) expect(Object.keys(envExample)).toContain(name);
  });

  it('starts every profile from a fresh copy of .env.example: Compose interpolates the whole file, so nothing in it may be required', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(() => interpolate(text, envExample)).not.toThrow();
  });

  it('ships no PostgreSQL password: the postgres profile gets the one set in .env, and the image refuses to start without one', () => {
    expect(envExample.POSTGRES_PASSWORD).toBe('');
    expect(interpolate(service('postgres').environment?.POSTGRES_PASSWORD ?? '', { ...envExample, POSTGRES_PASSWORD: 'from-env' })).toBe('from-env');
    expect(readme).toContain('POSTGRES_PASSWORD');
  });

  it('restarts the API services when they exit on failure (a store still starting)', () => {
    for (const name of ['ledger-api', 'ledger-api-cluster', 'ledger-api-postgres']) expect((service(name) as { restart?: string }).restart).toBe('on-failure');
  });

  it('gives each API service settings the ledger accepts', () => {
    const filledIn = { ...envExample, POSTGRES_PASSWORD: 'a-password-set-in-env' };
    for (const name of ['ledger-api', 'ledger-api-cluster', 'ledger-api-postgres']) {
      const environment = Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([key, value]) => [key, interpolate(value, filledIn)]));
      expect(() => loadConfig({ ...environment, CONCORD_DATA_DIR: '/app/data' })).not.toThrow();
    }
  });
});
